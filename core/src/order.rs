//! One stable sort for the whole crate.
//!
//! Every `sort_by` on a new element type or comparator is another copy of the standard
//! library's driftsort (about 4 KB of WebAssembly each, docs/size.md). The models sort a
//! handful of short lists (contract batches, tornado rows, customers, dated flows), so
//! they sort the positions of their items here, through one comparator behind `dyn`: one
//! copy of the sort serves them all.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives their items, equal items keeping
/// their order (a stable sort).
pub(crate) fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// `items` in the order `compare` gives them, equal items keeping their order.
pub(crate) fn stable_sorted<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => compare(x, y),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        // Sorted by the first letter only: "b1" stays before "b2", "a1" before "a2".
        let items = vec!["b1", "a1", "c1", "b2", "a2"];
        let sorted = stable_sorted(items, &|x: &&str, y: &&str| x[..1].cmp(&y[..1]));
        assert_eq!(sorted, ["a1", "a2", "b1", "b2", "c1"]);
    }

    #[test]
    fn orders_positions() {
        let keys = [30, 10, 20, 10];
        let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 3, 2, 0]);
    }
}

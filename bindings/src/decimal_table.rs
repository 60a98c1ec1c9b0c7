//! The table of distinct decimals a positional result writes beside its JSON.
//!
//! A report repeats its decimals: `h100-cluster-1024`'s 2,830 are 584 distinct texts (1,457
//! of them `0`), the 12-year box's 10,496 are 531. Each is written once into the table's
//! text, and the JSON holds its index there; `split(",")` of the table in JavaScript then
//! makes 584 strings instead of 2,830 (9 µs instead of 46, measured in Node 20 on the
//! report's own text; docs/benchmarks.md).
//!
//! Decimals are told apart by their 16 bytes (`Decimal::serialize`: mantissa, scale and
//! sign), which fix their text: `1.5` and `1.50`, `0` and `-0` are different entries, as
//! their texts are. They are looked up in std's `HashMap` with the Fx hash (as fast as a
//! hand-written open-addressing table was, docs/benchmarks.md).

use std::collections::hash_map::Entry;

use gpuecon::Decimal;
use rustc_hash::FxHashMap;

use crate::decimal_text::write_decimal;

/// Distinct decimals in the order first written, with their text.
pub struct DecimalTable {
    /// Each entry's text followed by a comma, in index order.
    text: String,
    /// Each entry's bytes and its index (entry 0, zero, is not looked up).
    indexes: FxHashMap<u128, u32>,
}

impl DecimalTable {
    /// An empty table ([`DecimalTable::start`] puts `0` in it).
    pub const fn new() -> Self {
        Self {
            text: String::new(),
            indexes: FxHashMap::with_hasher(rustc_hash::FxBuildHasher),
        }
    }

    /// Empties the table (keeping its memory) and puts `0`, the commonest decimal of a
    /// report, at index 0.
    pub fn start(&mut self) {
        self.text.clear();
        self.text.push_str("0,");
        self.indexes.clear();
    }

    /// The index of `value`'s text in the table, added at the end when new.
    pub fn index(&mut self, value: &Decimal) -> u32 {
        let key = key_of(value);
        if key == 0 {
            return 0;
        }
        // Entry 0 is `0`, never in the map: the next entry's index is the map's length + 1.
        let next = u32::try_from(self.indexes.len() + 1).unwrap_or(u32::MAX);
        match self.indexes.entry(key) {
            Entry::Occupied(entry) => *entry.get(),
            Entry::Vacant(entry) => {
                entry.insert(next);
                write_decimal(&mut self.text, value);
                self.text.push(',');
                next
            }
        }
    }

    /// The table's text, taken out of it: each entry followed by a comma, in index order.
    pub fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }
}

/// Whether `value` is `0` (at scale 0, unsigned: its key is 0), always at index 0: written
/// without looking it up (half a report's decimals). Read from its fields, without the
/// 16 bytes a lookup builds.
pub fn is_first_entry(value: &Decimal) -> bool {
    value.is_zero() && value.scale() == 0 && !value.is_sign_negative()
}

/// `value`'s 16 bytes as one key (0 for the table's first entry, `0`).
fn key_of(value: &Decimal) -> u128 {
    u128::from_le_bytes(value.serialize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_distinct_text_once_in_first_written_order() {
        let mut table = DecimalTable::new();
        table.start();
        let mut negative_zero = Decimal::ZERO;
        negative_zero.set_sign_negative(true);
        let values = [
            Decimal::new(15, 1),
            Decimal::ZERO,
            Decimal::new(150, 2),
            Decimal::new(15, 1),
            Decimal::new(-7, 3),
            Decimal::new(0, 2),
            negative_zero,
            Decimal::new(150, 2),
        ];
        let indexes: Vec<u32> = values.iter().map(|v| table.index(v)).collect();
        // 1.5 new (1), 0 fixed (0), 1.50 new (2), 1.5 again (1), -0.007 new (3), 0.00 new
        // (4), -0 new (5), 1.50 again (2).
        assert_eq!(indexes, [1, 0, 2, 1, 3, 4, 5, 2]);
        // Only `0` itself is the first entry; `0.00` and `-0` are not.
        let first: Vec<bool> = values.iter().map(is_first_entry).collect();
        assert_eq!(
            first,
            [false, true, false, false, false, false, false, false]
        );
        assert_eq!(table.take_text(), "0,1.5,1.50,-0.007,0.00,-0,");
        table.start();
        assert_eq!(table.index(&Decimal::new(-7, 3)), 1);
        assert_eq!(table.take_text(), "0,-0.007,");
    }

    #[test]
    fn thousands_of_values_keep_their_indexes() {
        let mut table = DecimalTable::new();
        table.start();
        // 1..=5000 at scale 2, then again: the second pass finds the first's indexes.
        for round in 0..2 {
            for n in 1..=5000_i64 {
                let index = table.index(&Decimal::new(n, 2));
                assert_eq!(index, u32::try_from(n).unwrap(), "round {round}");
            }
        }
        let text = table.take_text();
        let entries: Vec<&str> = text.split(',').collect();
        assert_eq!(entries.len(), 5002); // "0", 5,000 values, the empty string after the last comma
        assert_eq!(entries[1], "0.01");
        assert_eq!(entries[5000], "50.00");
    }
}

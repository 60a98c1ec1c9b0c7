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
//! their texts are.

use gpuecon::Decimal;

use crate::decimal_text::write_decimal;

/// Distinct decimals in the order first written, with their text.
pub struct DecimalTable {
    /// Each entry's text followed by a comma, in index order.
    text: String,
    /// Each entry's bytes, in index order (entry 0, zero, is not looked up).
    keys: Vec<u128>,
    /// An open-addressing index of `keys`: an entry's index + 1, or 0 for an empty slot;
    /// a power of two long, at most half full.
    slots: Vec<u32>,
}

impl DecimalTable {
    /// An empty table ([`DecimalTable::start`] puts `0` in it).
    pub const fn new() -> Self {
        Self {
            text: String::new(),
            keys: Vec::new(),
            slots: Vec::new(),
        }
    }

    /// Empties the table (keeping its memory) and puts `0`, the commonest decimal of a
    /// report, at index 0.
    pub fn start(&mut self) {
        self.text.clear();
        self.text.push_str("0,");
        self.keys.clear();
        self.keys.push(0);
        self.slots.iter_mut().for_each(|slot| *slot = 0);
    }

    /// The index of `value`'s text in the table, added at the end when new.
    pub fn index(&mut self, value: &Decimal) -> u32 {
        let key = key_of(value);
        if key == 0 {
            return 0;
        }
        if self.keys.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = slot_of(key, mask);
        // The table is at most half full, so an empty slot comes within `slots.len()` steps.
        for _ in 0..self.slots.len() {
            match self.slots.get(at).copied() {
                Some(0) => break,
                Some(entry) => {
                    let index = entry.wrapping_sub(1);
                    if self.keys.get(index as usize) == Some(&key) {
                        return index;
                    }
                }
                None => break,
            }
            at = at.wrapping_add(1) & mask;
        }
        let index = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = index.wrapping_add(1);
        }
        self.keys.push(key);
        write_decimal(&mut self.text, value);
        self.text.push(',');
        index
    }

    /// Doubles the slots (at least 1,024) and puts every entry back.
    fn grow(&mut self) {
        let length = (self.slots.len() * 2).max(1024);
        self.slots.clear();
        self.slots.resize(length, 0);
        let mask = length - 1;
        for (index, &key) in self.keys.iter().enumerate().skip(1) {
            let mut at = slot_of(key, mask);
            while let Some(slot) = self.slots.get_mut(at) {
                if *slot == 0 {
                    *slot = u32::try_from(index + 1).unwrap_or(u32::MAX);
                    break;
                }
                at = (at + 1) & mask;
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

/// `key`'s first slot: its two halves mixed and multiplied by 2^64 ÷ φ (Fibonacci
/// hashing), the high bits kept under `mask`.
fn slot_of(key: u128, mask: usize) -> usize {
    // Truncation intended: the halves of the key.
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    let hash = mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (hash >> 32) as usize & mask
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
    fn thousands_of_values_grow_the_slots_and_keep_their_indexes() {
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

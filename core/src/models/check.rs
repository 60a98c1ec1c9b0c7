//! [`Checker`]: collects every problem with a model's inputs, each named by its full path
//! (`contracts[2].minimum_gpu_hours`), so that a caller sees all of them at once.
//!
//! Each input struct implements [`Validate`]: its `check` names its own fields, and a
//! struct that holds others checks them [`within`](Checker::within) their field's name. The
//! same `check` then serves a model called alone (paths from its own root) and a whole
//! scenario (paths from the scenario's root).

use serde::Deserialize;

use super::ModelError;
use crate::Decimal;

/// Inputs that can be checked before a model runs.
pub trait Validate {
    /// Records every problem with `self` in `checker` (paths relative to `self`).
    fn check(&self, checker: &mut Checker);

    /// Every problem with `self`, in field order (empty when the inputs are usable).
    #[must_use]
    fn validate(&self) -> Vec<ModelError> {
        problems_of(&|checker| self.check(checker))
    }

    /// `Ok(())`, or the first problem [`validate`](Validate::validate) finds.
    ///
    /// The inputs are checked first without writing any path (nothing allocated: models
    /// called once a month check their inputs each time); only when a problem is found are
    /// they checked again by [`validate`](Validate::validate) to name it.
    ///
    /// # Errors
    /// The first [`ModelError`] in field order.
    fn ensure_valid(&self) -> Result<(), ModelError> {
        if is_clean(&|checker| self.check(checker)) {
            return Ok(());
        }
        first_problem(self.validate())
    }
}

// The defaults above are instantiated for every input type; their work is done once, here,
// behind a `dyn` call (this keeps the WebAssembly module small: docs/size.md).

fn problems_of(check: &dyn Fn(&mut Checker)) -> Vec<ModelError> {
    let mut checker = Checker::default();
    check(&mut checker);
    checker.into_problems()
}

fn is_clean(check: &dyn Fn(&mut Checker)) -> bool {
    let mut checker = Checker {
        quiet: true,
        ..Checker::default()
    };
    check(&mut checker);
    checker.is_clean()
}

fn first_problem(problems: Vec<ModelError>) -> Result<(), ModelError> {
    match problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(()),
    }
}

/// Appends the decimal digits of `n` (an index in a path) without `core::fmt`.
fn push_digits(out: &mut String, n: usize) {
    if n >= 10 {
        push_digits(out, n / 10);
    }
    // Below 10: a digit.
    out.push(char::from(b'0' + u8::try_from(n % 10).unwrap_or(0)));
}

/// Reads the rest of a unit variant of an internally tagged enum (`{ "kind": "constant" }`
/// less its tag), which must be empty: serde's `deny_unknown_fields` does not reach unit
/// variants, so without this `{ "kind": "constant", "factor": 2 }` would drop the
/// misspelt key silently. Used as `#[serde(deserialize_with = "...")]` on each.
///
/// ```
/// # use serde::Deserialize;
/// #[derive(Debug, Deserialize)]
/// #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
/// enum Shape {
///     #[serde(deserialize_with = "gpuecon::models::check::no_fields")]
///     Dot,
/// }
/// assert!(serde_json::from_str::<Shape>(r#"{ "kind": "dot" }"#).is_ok());
/// assert!(serde_json::from_str::<Shape>(r#"{ "kind": "dot", "size": 2 }"#).is_err());
/// ```
///
/// # Errors
/// An entry other than the tag: an unknown field.
pub fn no_fields<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    /// No fields at all.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct NoFields {}
    NoFields::deserialize(deserializer).map(|NoFields {}| ())
}

/// Collects problems under a path prefix.
///
/// ```
/// use gpuecon::models::check::Checker;
/// use gpuecon::Decimal;
/// let mut checker = Checker::default();
/// checker.within("contracts[2]", |c| c.at_least("minimum_gpu_hours", Decimal::NEGATIVE_ONE, Decimal::ZERO));
/// let problems = checker.into_problems();
/// assert_eq!(problems[0].to_string(), "contracts[2].minimum_gpu_hours: must be at least 0");
/// ```
#[derive(Debug, Default)]
pub struct Checker {
    prefix: String,
    problems: Vec<ModelError>,
    /// A quiet checker writes no path and records no problem, only that one was found
    /// (`found`): [`Validate::ensure_valid`]'s first pass.
    quiet: bool,
    found: bool,
}

impl Checker {
    /// The full path of `field` under the current prefix.
    #[must_use]
    pub fn path(&self, field: &str) -> String {
        match (self.prefix.is_empty(), field.is_empty()) {
            (true, _) => field.to_owned(),
            (false, true) => self.prefix.clone(),
            (false, false) if field.starts_with('[') => format!("{}{field}", self.prefix),
            (false, false) => format!("{}.{field}", self.prefix),
        }
    }

    /// Records a domain problem on `field`.
    pub fn problem(&mut self, field: &str, reason: &'static str) {
        if self.quiet {
            self.found = true;
            return;
        }
        let path = self.path(field);
        self.problems.push(ModelError::Domain {
            field: path,
            reason,
        });
    }

    /// Runs `check` with `segment` appended to the prefix (`"power"`, `"contracts[2]"`).
    pub fn within(&mut self, segment: &str, check: impl FnOnce(&mut Self)) {
        let saved = self.enter(segment);
        check(self);
        self.leave(saved);
    }

    /// Appends `segment` to the prefix as [`path`](Self::path) joins them; returns the
    /// prefix's length before, to restore. The prefix is one buffer, grown in place and cut
    /// back on leaving, so that checking allocates nothing per nested input once it has
    /// grown (models called once a month check their inputs each time).
    fn enter(&mut self, segment: &str) -> usize {
        let saved = self.prefix.len();
        if self.quiet {
            return saved;
        }
        if saved > 0 && !segment.is_empty() && !segment.starts_with('[') {
            self.prefix.push('.');
        }
        self.prefix.push_str(segment);
        saved
    }

    fn leave(&mut self, saved: usize) {
        self.prefix.truncate(saved);
    }

    /// Checks each item of a list within `field[i]`.
    pub fn each<T: Validate>(&mut self, field: &str, items: &[T]) {
        for (i, item) in items.iter().enumerate() {
            self.within_item(field, i, |c| item.check(c));
        }
    }

    /// `value ≥ min` for each of `values`, else [`at_least`](Self::at_least)'s problem on
    /// `field[i]` (`usage_gpu_hours[3]`); the path is written only for a value below `min`.
    pub fn each_at_least(&mut self, field: &str, values: &[Decimal], min: Decimal) {
        for (i, &value) in values.iter().enumerate() {
            if value < min {
                self.within_item(field, i, |c| c.at_least("", value, min));
            }
        }
    }

    /// Runs `check` within `field[i]`.
    fn within_item(&mut self, field: &str, i: usize, check: impl FnOnce(&mut Self)) {
        let saved = self.enter(field);
        if !self.quiet {
            self.prefix.push('[');
            push_digits(&mut self.prefix, i);
            self.prefix.push(']');
        }
        check(self);
        self.leave(saved);
    }

    /// Checks a nested input within `field`.
    pub fn nested<T: Validate>(&mut self, field: &str, item: &T) {
        self.within(field, |c| item.check(c));
    }

    /// `value ≥ min`, else "must be at least 0" (for `min` 0) or "must be at least 1".
    pub fn at_least(&mut self, field: &str, value: Decimal, min: Decimal) {
        if value < min {
            let reason = if min.is_zero() {
                "must be at least 0"
            } else if min == Decimal::ONE {
                "must be at least 1"
            } else {
                "is below its minimum"
            };
            self.problem(field, reason);
        }
    }

    /// `value > 0`.
    pub fn positive(&mut self, field: &str, value: Decimal) {
        if value <= Decimal::ZERO {
            self.problem(field, "must be greater than 0");
        }
    }

    /// A count (months, periods) greater than 0.
    pub fn nonzero(&mut self, field: &str, value: u32) {
        if value == 0 {
            self.problem(field, "must be greater than 0");
        }
    }

    /// A number of months on the timeline: 1 to [`MAX_MONTHS`](crate::units::MAX_MONTHS).
    pub fn months(&mut self, field: &str, months: u32) {
        if months == 0 {
            self.problem(field, "must be greater than 0");
        } else if months > crate::units::MAX_MONTHS {
            self.problem(field, "must be at most 1200 months");
        }
    }

    /// `0 ≤ value ≤ 1` (a fraction: utilization, share, discount).
    pub fn fraction(&mut self, field: &str, value: Decimal) {
        if value < Decimal::ZERO || value > Decimal::ONE {
            self.problem(field, "must be between 0 and 1");
        }
    }

    /// A count of things that cannot be split (GPUs): a whole number.
    pub fn whole(&mut self, field: &str, value: Decimal) {
        if !value.fract().is_zero() {
            self.problem(field, "must be a whole number");
        }
    }

    /// A power usage effectiveness: facility energy ÷ IT energy, at least 1 (the facility's
    /// energy includes the IT energy).
    pub fn pue(&mut self, field: &str, pue: Decimal) {
        if pue < Decimal::ONE {
            self.problem(
                field,
                "must be at least 1 (facility energy includes the IT energy)",
            );
        }
    }

    /// `lo ≤ value ≤ hi`, else `reason`.
    pub fn between(
        &mut self,
        field: &str,
        value: Decimal,
        lo: Decimal,
        hi: Decimal,
        reason: &'static str,
    ) {
        if value < lo || value > hi {
            self.problem(field, reason);
        }
    }

    /// Whether no problem has been recorded so far.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && !self.found
    }

    /// The problems, in the order they were found.
    #[must_use]
    pub fn into_problems(self) -> Vec<ModelError> {
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input whose one field is checked to be at least 0.
    struct Item(Decimal);

    impl Validate for Item {
        fn check(&self, c: &mut Checker) {
            c.at_least("x", self.0, Decimal::ZERO);
        }
    }

    /// A list of items and one alone, checked within `items[i]` and `alone`.
    struct Outer(Vec<Item>, Item);

    impl Validate for Outer {
        fn check(&self, c: &mut Checker) {
            c.each("items", &self.0);
            c.nested("alone", &self.1);
        }
    }

    /// `ensure_valid`'s quiet first pass lets clean inputs through and, on any problem
    /// (in a list, nested, or both), gives the first problem `validate` names: by hand,
    /// `items[1].x` comes before `alone.x` in field order.
    #[test]
    fn ensure_valid_gives_validates_first_problem() {
        let one = || Item(Decimal::ONE);
        let negative = || Item(Decimal::NEGATIVE_ONE);
        assert_eq!(Outer(vec![one(), one()], one()).ensure_valid(), Ok(()));
        for (outer, first) in [
            (Outer(vec![one(), negative()], negative()), "items[1].x"),
            (Outer(vec![one(), one()], negative()), "alone.x"),
            (Outer(vec![negative()], one()), "items[0].x"),
        ] {
            let error = outer.ensure_valid().err();
            assert_eq!(error.as_ref().map(ModelError::field), Some(first));
            assert_eq!(error.as_ref(), outer.validate().first());
        }
        let mut quiet = Checker {
            quiet: true,
            ..Checker::default()
        };
        Outer(vec![negative()], one()).check(&mut quiet);
        assert!(!quiet.is_clean());
        assert!(quiet.prefix.is_empty() && quiet.problems.is_empty());
    }

    /// Paths written by hand: nested prefixes, indices of two digits, an unnamed list, and
    /// the prefix restored after each step.
    #[test]
    fn paths_join_segments_and_indices_and_restore_the_prefix() {
        let mut items: Vec<Item> = (0..12).map(|_| Item(Decimal::ONE)).collect();
        if let Some(last) = items.last_mut() {
            last.0 = Decimal::NEGATIVE_ONE;
        }
        let mut c = Checker::default();
        c.within("market", |c| {
            c.each("reserved", &items);
            c.within("[2]", |c| c.problem("", "inner"));
            c.each("", &items);
            c.problem("gpus", "after the lists");
        });
        c.each("top", &items[10..]);
        c.within("contract", |c| {
            c.each_at_least(
                "usage",
                &[Decimal::ONE, Decimal::NEGATIVE_ONE],
                Decimal::ZERO,
            );
        });
        c.each_at_least("hours", &[Decimal::NEGATIVE_ONE], Decimal::ZERO);
        c.problem("last", "at the root");
        let paths: Vec<String> = c
            .into_problems()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            paths,
            [
                "market.reserved[11].x",
                "market[2]",
                "market[11].x",
                "market.gpus",
                "top[1].x",
                "contract.usage[1]",
                "hours[0]",
                "last",
            ]
        );
    }
}

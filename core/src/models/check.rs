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
    /// # Errors
    /// The first [`ModelError`] in field order.
    fn ensure_valid(&self) -> Result<(), ModelError> {
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

fn first_problem(problems: Vec<ModelError>) -> Result<(), ModelError> {
    match problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(()),
    }
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

    /// Appends `segment` to the prefix; returns the prefix to restore.
    fn enter(&mut self, segment: &str) -> String {
        let inner = self.path(segment);
        std::mem::replace(&mut self.prefix, inner)
    }

    fn leave(&mut self, saved: String) {
        self.prefix = saved;
    }

    /// Checks each item of a list within `field[i]`.
    pub fn each<T: Validate>(&mut self, field: &str, items: &[T]) {
        for (i, item) in items.iter().enumerate() {
            let saved = self.enter(&format!("{field}[{i}]"));
            item.check(self);
            self.leave(saved);
        }
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
        self.problems.is_empty()
    }

    /// The problems, in the order they were found.
    #[must_use]
    pub fn into_problems(self) -> Vec<ModelError> {
        self.problems
    }
}

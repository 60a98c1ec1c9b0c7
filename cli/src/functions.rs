//! `gpuecon fn NAME ARGS…`: every finance function of the core, with Excel's arguments in
//! Excel's order, each with its own help (`gpuecon fn xirr --help`). Functions whose
//! value is a list (`irr_all`, `macrs_schedule`) print it as a comma list.
//!
//! Arguments: numbers (`-1000`, `0.05`, `1e-3`); arrays as comma lists (`-100,10,110`) or
//! JSON (`[-100, 10, 110]`); dates as ISO dates in a comma list or JSON
//! (`2026-01-01,2026-07-01`); `type` as `0`/`end` or `1`/`begin`; VDB's `no_switch` as
//! `true`/`false`. Optional arguments may be left off from the end. The result is printed
//! exactly (as many digits as the core computed).

use std::io::Write;

use clap::{Arg, ArgMatches, Command, FromArgMatches, Subcommand};
use gpuecon::finance::{self, MacrsClass, PaymentTiming};
use gpuecon::{Date, Decimal, FinanceError};

use crate::{CliError, CliResult};

/// What an argument is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A number.
    Number,
    /// A number that may be left off.
    Optional,
    /// `type`: 0 (end of period) or 1 (beginning); may be left off (0).
    Timing,
    /// `type`, required (CUMIPMT, CUMPRINC).
    Type,
    /// A list of numbers.
    Numbers,
    /// A list of dates.
    Dates,
    /// VDB's `no_switch`: true or false; may be left off (false).
    Flag,
}

/// One argument of a function.
struct Param {
    name: &'static str,
    kind: Kind,
    help: &'static str,
}

const fn p(name: &'static str, kind: Kind, help: &'static str) -> Param {
    Param { name, kind, help }
}

/// A parsed argument.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(Decimal),
    Numbers(Vec<Decimal>),
    Dates(Vec<Date>),
    Timing(PaymentTiming),
    Flag(bool),
    Absent,
}

/// The parsed arguments of one call, read by position (the table fixes each one's kind).
struct Got(Vec<Value>);

impl Got {
    fn value(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Absent)
    }
    fn n(&self, i: usize) -> Decimal {
        self.o(i).unwrap_or_default()
    }
    fn o(&self, i: usize) -> Option<Decimal> {
        match self.value(i) {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    fn t(&self, i: usize) -> Option<PaymentTiming> {
        match self.value(i) {
            Value::Timing(t) => Some(*t),
            _ => None,
        }
    }
    fn a(&self, i: usize) -> &[Decimal] {
        match self.value(i) {
            Value::Numbers(v) => v,
            _ => &[],
        }
    }
    fn d(&self, i: usize) -> &[Date] {
        match self.value(i) {
            Value::Dates(v) => v,
            _ => &[],
        }
    }
    fn b(&self, i: usize) -> Option<bool> {
        match self.value(i) {
            Value::Flag(b) => Some(*b),
            _ => None,
        }
    }
}

/// One finance function, whose value is a `T`: a number, or a list of numbers.
struct Function<T> {
    name: &'static str,
    about: &'static str,
    params: &'static [Param],
    call: fn(&Got) -> Result<T, FinanceError>,
}

/// What a function returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One number.
    One(Decimal),
    /// A list of numbers (printed as a comma list).
    Many(Vec<Decimal>),
}

/// How an entry computes its output from the parsed arguments.
type Compute = Box<dyn Fn(&Got) -> Result<Output, FinanceError>>;

/// A function of either table, as the command line sees it.
struct Entry {
    name: &'static str,
    about: &'static str,
    params: &'static [Param],
    call: Compute,
}

/// Every function of both tables.
fn entries() -> impl Iterator<Item = Entry> {
    let one = FUNCTIONS.iter().map(|f| Entry {
        name: f.name,
        about: f.about,
        params: f.params,
        call: Box::new(move |g| (f.call)(g).map(Output::One)),
    });
    let many = LISTS.iter().map(|f| Entry {
        name: f.name,
        about: f.about,
        params: f.params,
        call: Box::new(move |g| (f.call)(g).map(Output::Many)),
    });
    one.chain(many)
}

/// A worked example for a function's `--help`, where one is given.
fn example(name: &str) -> Option<&'static str> {
    Some(match name {
        "npv_at_t0" => {
            "Example: gpuecon fn npv_at_t0 0.1 -100,110\n  0   (−100 now + 110 ÷ 1.1 a period later)"
        }
        "monthly_rate" => {
            "Example: gpuecon fn monthly_rate 0.1\n  0.007974140428903764   ((1 + 0.1)^(1/12) − 1, a root taken in f64: 10 % a year is 0.797 % a month)"
        }
        "annual_rate" => {
            "Example: gpuecon fn annual_rate 0.01\n  0.126825030131969720661201   ((1 + 0.01)^12 − 1, exact)"
        }
        "irr_all" => {
            "Example: gpuecon fn irr_all -100,230,-132\n  0.09999999999999905,0.19999999999999804   (10 % and 20 % to float precision: two sign changes, two rates, −100 + 230x − 132x² = 0 at x = 1/1.1 and 1/1.2)"
        }
        "macrs_schedule" => {
            "Example: gpuecon fn macrs_schedule 50000 5\n  10000,16000,9600,5760,5760,2880   (20, 32, 19.2, 11.52, 11.52, 5.76 %)"
        }
        _ => return None,
    })
}

use Kind::{Dates, Flag, Number, Numbers, Optional, Timing, Type};

const RATE: Param = p(
    "rate",
    Number,
    "The interest rate per period (0.05 for 5 %).",
);
const NPER: Param = p("nper", Number, "The number of periods.");
const PV: Param = p(
    "pv",
    Number,
    "The present value (negative for money paid out).",
);
const PMT: Param = p("pmt", Number, "The payment each period.");
const FV_OPT: Param = p("fv", Optional, "The future value (default 0).");
const TYPE: Param = p(
    "type",
    Timing,
    "When payments fall: 0 or end (default), 1 or begin.",
);
const PER: Param = p("per", Number, "The period, from 1.");
const COST: Param = p("cost", Number, "The asset's initial cost.");
const SALVAGE: Param = p("salvage", Number, "The value at the end of its life.");
const LIFE: Param = p("life", Number, "The number of periods of its life.");
const START: Param = p("start_period", Number, "The first period, from 1.");
const END: Param = p("end_period", Number, "The last period.");
const TYPE_REQUIRED: Param = p("type", Type, "When payments fall: 0 or end, 1 or begin.");

/// Every finance function the command offers whose value is a number, in Excel's argument
/// order.
const FUNCTIONS: &[Function<Decimal>] = &[
    Function {
        name: "sln",
        about: "Straight-line depreciation per period: (cost - salvage) / life.",
        params: &[COST, SALVAGE, LIFE],
        call: |g| finance::sln(g.n(0), g.n(1), g.n(2)),
    },
    Function {
        name: "syd",
        about: "Sum-of-years'-digits depreciation of period per.",
        params: &[COST, SALVAGE, LIFE, PER],
        call: |g| finance::syd(g.n(0), g.n(1), g.n(2), g.n(3)),
    },
    Function {
        name: "db",
        about: "Fixed-declining-balance depreciation (Excel's DB, rate rounded to 3 places).",
        params: &[
            COST,
            SALVAGE,
            LIFE,
            p("period", Number, "The period."),
            p("month", Optional, "Months in the first year (default 12)."),
        ],
        call: |g| finance::db(g.n(0), g.n(1), g.n(2), g.n(3), g.o(4)),
    },
    Function {
        name: "ddb",
        about: "Double-declining-balance depreciation (or another factor).",
        params: &[
            COST,
            SALVAGE,
            LIFE,
            p("period", Number, "The period."),
            p("factor", Optional, "The rate factor (default 2)."),
        ],
        call: |g| finance::ddb(g.n(0), g.n(1), g.n(2), g.n(3), g.o(4)),
    },
    Function {
        name: "vdb",
        about: "Variable-declining-balance depreciation between two periods.",
        params: &[
            COST,
            SALVAGE,
            LIFE,
            START,
            END,
            p("factor", Optional, "The rate factor (default 2)."),
            p(
                "no_switch",
                Flag,
                "true: never switch to straight line (default false).",
            ),
        ],
        call: |g| finance::vdb(g.n(0), g.n(1), g.n(2), g.n(3), g.n(4), g.o(5), g.b(6)),
    },
    Function {
        name: "pv",
        about: "Present value of a series of payments.",
        params: &[RATE, NPER, PMT, FV_OPT, TYPE],
        call: |g| finance::pv(g.n(0), g.n(1), g.n(2), g.o(3), g.t(4)),
    },
    Function {
        name: "fv",
        about: "Future value of a series of payments.",
        params: &[
            RATE,
            NPER,
            PMT,
            p("pv", Optional, "The present value (default 0)."),
            TYPE,
        ],
        call: |g| finance::fv(g.n(0), g.n(1), g.n(2), g.o(3), g.t(4)),
    },
    Function {
        name: "pmt",
        about: "The payment each period of a loan or annuity.",
        params: &[RATE, NPER, PV, FV_OPT, TYPE],
        call: |g| finance::pmt(g.n(0), g.n(1), g.n(2), g.o(3), g.t(4)),
    },
    Function {
        name: "nper",
        about: "The number of periods of a loan or annuity.",
        params: &[RATE, PMT, PV, FV_OPT, TYPE],
        call: |g| finance::nper(g.n(0), g.n(1), g.n(2), g.o(3), g.t(4)),
    },
    Function {
        name: "rate",
        about: "The interest rate per period of a loan or annuity.",
        params: &[
            NPER,
            PMT,
            PV,
            FV_OPT,
            TYPE,
            p("guess", Optional, "Where the solver starts (default 0.1)."),
        ],
        call: |g| finance::rate(g.n(0), g.n(1), g.n(2), g.o(3), g.t(4), g.o(5)),
    },
    Function {
        name: "ipmt",
        about: "The interest part of payment per.",
        params: &[RATE, PER, NPER, PV, FV_OPT, TYPE],
        call: |g| finance::ipmt(g.n(0), g.n(1), g.n(2), g.n(3), g.o(4), g.t(5)),
    },
    Function {
        name: "ppmt",
        about: "The principal part of payment per.",
        params: &[RATE, PER, NPER, PV, FV_OPT, TYPE],
        call: |g| finance::ppmt(g.n(0), g.n(1), g.n(2), g.n(3), g.o(4), g.t(5)),
    },
    Function {
        name: "cumipmt",
        about: "Interest paid between two periods.",
        params: &[RATE, NPER, PV, START, END, TYPE_REQUIRED],
        call: |g| {
            finance::cumipmt(
                g.n(0),
                g.n(1),
                g.n(2),
                g.n(3),
                g.n(4),
                g.t(5).unwrap_or(PaymentTiming::End),
            )
        },
    },
    Function {
        name: "cumprinc",
        about: "Principal paid between two periods.",
        params: &[RATE, NPER, PV, START, END, TYPE_REQUIRED],
        call: |g| {
            finance::cumprinc(
                g.n(0),
                g.n(1),
                g.n(2),
                g.n(3),
                g.n(4),
                g.t(5).unwrap_or(PaymentTiming::End),
            )
        },
    },
    Function {
        name: "ispmt",
        about: "Interest of period per with even principal repayments.",
        params: &[RATE, PER, NPER, PV],
        call: |g| finance::ispmt(g.n(0), g.n(1), g.n(2), g.n(3)),
    },
    Function {
        name: "effect",
        about: "The effective annual rate of a nominal rate.",
        params: &[
            p("nominal_rate", Number, "The nominal annual rate."),
            p("npery", Number, "Compounding periods a year."),
        ],
        call: |g| finance::effect(g.n(0), g.n(1)),
    },
    Function {
        name: "nominal",
        about: "The nominal annual rate of an effective rate.",
        params: &[
            p("effect_rate", Number, "The effective annual rate."),
            p("npery", Number, "Compounding periods a year."),
        ],
        call: |g| finance::nominal(g.n(0), g.n(1)),
    },
    Function {
        name: "fvschedule",
        about: "Future value of a principal under a schedule of rates.",
        params: &[
            p("principal", Number, "The present value."),
            p(
                "schedule",
                Numbers,
                "The rates, as a comma list or JSON array.",
            ),
        ],
        call: |g| finance::fvschedule(g.n(0), g.a(1)),
    },
    Function {
        name: "npv",
        about: "Net present value of flows at the end of periods 1, 2, … (Excel's NPV).",
        params: &[
            RATE,
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
        ],
        call: |g| finance::npv(g.n(0), g.a(1)),
    },
    Function {
        name: "xnpv",
        about: "Net present value of dated flows (actual/365 from the first date).",
        params: &[
            RATE,
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
            p(
                "dates",
                Dates,
                "Their dates (YYYY-MM-DD), as a comma list or JSON array.",
            ),
        ],
        call: |g| finance::xnpv(g.n(0), g.a(1), g.d(2)),
    },
    Function {
        name: "irr",
        about: "Internal rate of return of periodic flows.",
        params: &[
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
            p("guess", Optional, "Where the solver starts (default 0.1)."),
        ],
        call: |g| finance::irr(g.a(0), g.o(1)),
    },
    Function {
        name: "xirr",
        about: "Internal rate of return of dated flows (actual/365).",
        params: &[
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
            p(
                "dates",
                Dates,
                "Their dates (YYYY-MM-DD), as a comma list or JSON array.",
            ),
            p("guess", Optional, "Where the solver starts (default 0.1)."),
        ],
        call: |g| finance::xirr(g.a(0), g.d(1), g.o(2)),
    },
    Function {
        name: "mirr",
        about: "Modified internal rate of return.",
        params: &[
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
            p("finance_rate", Number, "The rate paid on money borrowed."),
            p(
                "reinvest_rate",
                Number,
                "The rate earned on money reinvested.",
            ),
        ],
        call: |g| finance::mirr(g.a(0), g.n(1), g.n(2)),
    },
    Function {
        name: "macrs",
        about: "US MACRS depreciation (half-year convention, GDS) of one year.",
        params: &[
            COST,
            p(
                "recovery_period",
                Number,
                "The class: 3, 5, 7, 10, 15 or 20 years.",
            ),
            p("year", Number, "The year, from 1 to recovery_period + 1."),
        ],
        call: |g| finance::macrs(g.n(0), g.n(1), g.n(2)),
    },
    Function {
        name: "npv_at_t0",
        about: "Net present value with the first flow now (t = 0), the rest at the ends of periods 1, 2, …",
        params: &[
            RATE,
            p(
                "values",
                Numbers,
                "The flows, the first at t = 0, as a comma list or JSON array.",
            ),
        ],
        call: |g| finance::npv_at_t0(g.n(0), g.a(1)),
    },
    Function {
        name: "monthly_rate",
        about: "The monthly rate equivalent to an annual rate: (1 + annual)^(1/12) - 1.",
        params: &[p(
            "annual_rate",
            Number,
            "The annual rate (0.10 for 10 %), greater than -1.",
        )],
        call: |g| finance::monthly_rate(g.n(0), "annual_rate"),
    },
    Function {
        name: "annual_rate",
        about: "The annual rate equivalent to a monthly rate: (1 + monthly)^12 - 1, exact.",
        params: &[p(
            "monthly_rate",
            Number,
            "The monthly rate (0.01 for 1 %).",
        )],
        call: |g| finance::annual_rate(g.n(0), "monthly_rate"),
    },
];

/// The functions whose value is a list.
const LISTS: &[Function<Vec<Decimal>>] = &[
    Function {
        name: "irr_all",
        about: "Every internal rate of return of periodic flows in a range (none, one or several).",
        params: &[
            p(
                "values",
                Numbers,
                "The flows, as a comma list or JSON array.",
            ),
            p(
                "lower",
                Optional,
                "The lowest rate searched, above -1 (default -0.99).",
            ),
            p("upper", Optional, "The highest rate searched (default 10)."),
        ],
        call: |g| finance::irr_all(g.a(0), g.o(1), g.o(2)),
    },
    Function {
        name: "macrs_schedule",
        about: "US MACRS depreciation (half-year convention, GDS) of every year.",
        params: &[
            COST,
            p(
                "recovery_period",
                Number,
                "The class: 3, 5, 7, 10, 15 or 20 years.",
            ),
        ],
        call: |g| finance::macrs_schedule(g.n(0), MacrsClass::from_years(g.n(1))?),
    },
];

/// A call of one function: its name and its arguments as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    name: String,
    args: Vec<Option<String>>,
}

impl FromArgMatches for Call {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let (name, sub) = matches.subcommand().ok_or_else(|| {
            clap::Error::raw(clap::error::ErrorKind::MissingSubcommand, "name a function")
        })?;
        let function = entries()
            .find(|f| f.name == name)
            .ok_or_else(|| clap::Error::raw(clap::error::ErrorKind::InvalidSubcommand, name))?;
        let args = function
            .params
            .iter()
            .map(|param| sub.get_one::<String>(param.name).cloned())
            .collect();
        Ok(Self {
            name: name.to_owned(),
            args,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Subcommand for Call {
    fn augment_subcommands(command: Command) -> Command {
        entries().fold(command, |command, function| {
            let mut head = Command::new(function.name).about(function.about);
            if let Some(text) = example(function.name) {
                head = head.after_help(text);
            }
            let sub = function.params.iter().fold(head, |sub, param| {
                let required = matches!(param.kind, Number | Numbers | Dates | Type);
                sub.arg(
                    Arg::new(param.name)
                        .help(param.help)
                        .required(required)
                        .allow_hyphen_values(true),
                )
            });
            command.subcommand(sub)
        })
    }

    fn augment_subcommands_for_update(command: Command) -> Command {
        Self::augment_subcommands(command)
    }

    fn has_subcommand(name: &str) -> bool {
        entries().any(|f| f.name == name)
    }
}

/// A number: plain or in E notation.
fn number(text: &str) -> Result<Decimal, String> {
    let text = text.trim();
    text.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| format!("{text:?} is not a number"))
}

/// The items of a comma list or a JSON array (strings or numbers).
fn items(text: &str) -> Result<Vec<String>, String> {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> =
            serde_json::from_str(trimmed).map_err(|e| format!("not a JSON array: {e}"))?;
        return values
            .into_iter()
            .map(|v| match v {
                serde_json::Value::String(s) => Ok(s),
                serde_json::Value::Number(n) => Ok(n.to_string()),
                other => Err(format!("{other} is not a number or a date")),
            })
            .collect();
    }
    Ok(trimmed
        .split(',')
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect())
}

/// One argument's value by its kind.
fn value(kind: Kind, text: Option<&str>) -> Result<Value, String> {
    let Some(text) = text else {
        return Ok(Value::Absent);
    };
    Ok(match kind {
        Number | Optional => Value::Number(number(text)?),
        Numbers => Value::Numbers(
            items(text)?
                .iter()
                .map(|item| number(item))
                .collect::<Result<_, _>>()?,
        ),
        Dates => Value::Dates(
            items(text)?
                .iter()
                .map(|item| {
                    item.parse::<Date>()
                        .map_err(|_| format!("{item:?} is not a date (YYYY-MM-DD)"))
                })
                .collect::<Result<_, _>>()?,
        ),
        Timing | Type => Value::Timing(match text.trim().to_ascii_lowercase().as_str() {
            "0" | "end" => PaymentTiming::End,
            "1" | "begin" | "beginning" => PaymentTiming::Beginning,
            other => return Err(format!("{other:?} is not 0/end or 1/begin")),
        }),
        Flag => Value::Flag(match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => true,
            "false" | "0" => false,
            other => return Err(format!("{other:?} is not true or false")),
        }),
    })
}

/// The value of `call`.
///
/// # Errors
/// An argument that cannot be read (naming it), or the core's error with its code and
/// field.
pub fn evaluate(call: &Call) -> Result<Output, CliError> {
    let function = entries()
        .find(|f| f.name == call.name)
        .ok_or_else(|| CliError::Message(format!("no function {:?}", call.name)))?;
    let mut values = Vec::with_capacity(function.params.len());
    for (param, text) in function.params.iter().zip(&call.args) {
        let parsed = value(param.kind, text.as_deref()).map_err(|message| CliError::Problems {
            code: "INVALID_ARGUMENT",
            field: Some(param.name.to_owned()),
            message: format!("{}: {}: {message}", function.name, param.name),
            problems: Vec::new(),
        })?;
        values.push(parsed);
    }
    (function.call)(&Got(values)).map_err(|error| CliError::Problems {
        code: error.code().as_str(),
        field: Some(error.field().to_owned()),
        message: format!("{}: [{}] {error}", function.name, error.code()),
        problems: Vec::new(),
    })
}

/// `gpuecon fn NAME ARGS…`: prints the value (a list as a comma list).
pub fn run(call: &Call, out: &mut dyn Write) -> CliResult {
    match evaluate(call)? {
        Output::One(value) => writeln!(out, "{}", value.normalize())?,
        Output::Many(values) => {
            let all: Vec<String> = values.iter().map(|v| v.normalize().to_string()).collect();
            writeln!(out, "{}", all.join(","))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: &[&str]) -> Result<Decimal, CliError> {
        match evaluate(&Call {
            name: name.to_owned(),
            args: args.iter().map(|a| Some((*a).to_owned())).collect(),
        })? {
            Output::One(value) => Ok(value),
            Output::Many(values) => panic!("{name} gave a list: {values:?}"),
        }
    }

    fn list(name: &str, args: &[&str]) -> Vec<Decimal> {
        match evaluate(&Call {
            name: name.to_owned(),
            args: args.iter().map(|a| Some((*a).to_owned())).collect(),
        }) {
            Ok(Output::Many(values)) => values,
            other => panic!("{name}: {other:?}"),
        }
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn npv_at_t0_discounts_from_the_second_flow() {
        // −100 now + 110 ÷ 1.1 = 0; −100 + 60 ÷ 1.1 + 60 ÷ 1.21 = −100 + 54.5454… +
        // 49.5867… = 4.1322314049586776859504132231 (= 500/121 exactly)
        assert_eq!(
            call("npv_at_t0", &["0.1", "-100,110"]).unwrap(),
            Decimal::ZERO
        );
        let value = call("npv_at_t0", &["0.1", "[-100,60,60]"]).unwrap();
        assert!((value - d("500") / d("121")).abs() < d("1e-25"), "{value}");
    }

    #[test]
    fn monthly_and_annual_rates_by_hand() {
        // (1.1)^(1/12) − 1 = 0.0079741404289037410660… (40-digit decimal arithmetic); the
        // core takes the twelfth root in f64, so to 1e-15
        let monthly = call("monthly_rate", &["0.1"]).unwrap();
        assert!(
            (monthly - d("0.0079741404289037410660")).abs() < d("1e-15"),
            "{monthly}"
        );
        // (1.01)^12 − 1 = 0.126825030131969720661201, exact (a whole power)
        assert_eq!(
            call("annual_rate", &["0.01"]).unwrap(),
            d("0.126825030131969720661201")
        );
        // a rate of −100 % a year has no monthly equivalent: the field is named
        let Err(CliError::Problems { field, .. }) = call("monthly_rate", &["-1"]) else {
            panic!("expected the core's error");
        };
        assert_eq!(field.as_deref(), Some("annual_rate"));
    }

    #[test]
    fn irr_all_finds_both_rates_of_two_sign_changes() {
        // −100 + 230x − 132x² = 0, x = 1/(1 + r): x = 10/11 and 5/6, r = 10 % and 20 %
        let roots = list("irr_all", &["-100,230,-132"]);
        assert_eq!(roots.len(), 2, "{roots:?}");
        assert!((roots[0] - d("0.1")).abs() < d("1e-12"), "{roots:?}");
        assert!((roots[1] - d("0.2")).abs() < d("1e-12"), "{roots:?}");
        // searched only up to 15 %: the one root below
        assert_eq!(list("irr_all", &["-100,230,-132", "-0.5", "0.15"]).len(), 1);
    }

    #[test]
    fn macrs_schedule_is_irs_table_a1() {
        // IRS Publication 946, Table A-1, 5-year property (half-year convention): 20 %,
        // 32 %, 19.2 %, 11.52 %, 11.52 %, 5.76 % of $50,000
        let years = list("macrs_schedule", &["50000", "5"]);
        let expected = [10_000, 16_000, 9_600, 5_760, 5_760, 2_880].map(Decimal::from);
        assert_eq!(years, expected);
        // 6 is not a GDS class: the core's error on the recovery period
        let error = evaluate(&Call {
            name: "macrs_schedule".to_owned(),
            args: vec![Some("50000".to_owned()), Some("6".to_owned())],
        })
        .unwrap_err();
        let CliError::Problems { field, .. } = error else {
            panic!("expected the core's error");
        };
        assert_eq!(field.as_deref(), Some("recovery_period"));
    }

    #[test]
    fn arrays_as_comma_lists_or_json_and_dates() {
        // NPV at 10 % of 110 in period 1: 100
        assert_eq!(call("npv", &["0.1", "110"]).unwrap(), Decimal::from(100));
        assert_eq!(call("npv", &["0.1", "[110]"]).unwrap(), Decimal::from(100));
        // XNPV at 0 %: the plain sum, −100 + 60 + 60 = 20
        let sum = call(
            "xnpv",
            &["0", "-100,60,60", "2026-01-01,2026-07-01,2027-01-01"],
        );
        assert_eq!(sum.unwrap(), Decimal::from(20));
        let json = call(
            "xnpv",
            &[
                "0",
                "[-100,60,60]",
                r#"["2026-01-01","2026-07-01","2027-01-01"]"#,
            ],
        );
        assert_eq!(json.unwrap(), Decimal::from(20));
        // PMT of 1,000 over 2 periods at 0 %, paid at the beginning: 500 a period
        assert_eq!(
            call("pmt", &["0", "2", "-1000", "0", "begin"]).unwrap(),
            Decimal::from(500)
        );
    }

    /// An oracle field as the command line takes it: `a;b` → `a,b`, `M/D/YYYY 12:00:00 AM`
    /// dates → `YYYY-MM-DD`, Excel's flag words → `end`/`begin`/`true`/`false`.
    fn as_typed(field: &str) -> String {
        match field {
            "EndOfPeriod" => return "end".to_owned(),
            "BeginningOfPeriod" => return "begin".to_owned(),
            "SwitchToStraightLine" => return "false".to_owned(),
            "DontSwitchToStraightLine" => return "true".to_owned(),
            _ => {}
        }
        let items: Vec<String> = field
            .split(';')
            .map(|item| {
                let date = item.trim().strip_suffix(" 12:00:00 AM").and_then(|d| {
                    let mut parts = d.split('/');
                    let (m, day, y) = (parts.next()?, parts.next()?, parts.next()?);
                    Some(format!("{y}-{m:0>2}-{day:0>2}"))
                });
                date.unwrap_or_else(|| item.trim().to_owned())
            })
            .collect();
        items.join(",")
    }

    /// Every row of the Excel oracle (`shared/oracles/excel-financial-functions`, the rows
    /// the core's `excel_oracle` test runs), typed as a user types it and run through the
    /// command's parsing and dispatch, against the value Excel computed, with the core
    /// test's tolerances. Skipped (with a note) where `../shared` is absent.
    #[test]
    fn every_function_against_the_excel_oracle() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/oracles/excel-financial-functions");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: no Excel oracle at {}", dir.display());
            return;
        };
        let tiny = |exponent: u32| Decimal::new(1, exponent);
        let mut checked = std::collections::BTreeMap::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("test") {
                continue;
            }
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let (relative, absolute) = match name.as_str() {
                "xirr" => (tiny(6), tiny(8)), // Excel's XIRR stops early (core test)
                "rate" => (tiny(9), tiny(8)), // RATE's exact root 0: Excel 4.3e-9
                _ => (tiny(9), tiny(9)),
            };
            let text = std::fs::read_to_string(&path).unwrap();
            for row in text.lines().filter(|l| !l.trim().is_empty()) {
                let fields: Vec<&str> = row.split(',').map(str::trim).collect();
                let (expected, arguments) = fields.split_last().unwrap();
                let expected = number(expected).unwrap();
                let typed: Vec<String> = arguments.iter().map(|f| as_typed(f)).collect();
                let args: Vec<&str> = typed.iter().map(String::as_str).collect();
                let got = match call(&name, &args) {
                    Ok(got) => got,
                    Err(CliError::Problems { message, .. } | CliError::Message(message)) => {
                        panic!("{name} {row}: {message}")
                    }
                    Err(CliError::Closed) => panic!("{name} {row}: closed"),
                };
                let bound = relative * expected.abs() + absolute;
                assert!(
                    (got - expected).abs() <= bound,
                    "{name} {row}: got {got}, Excel {expected}"
                );
                *checked.entry(name.clone()).or_insert(0_u32) += 1;
            }
        }
        // every function of the oracle is offered, and each was checked
        assert_eq!(checked.len(), 22, "{checked:?}");
        assert!(
            checked
                .keys()
                .all(|name| FUNCTIONS.iter().any(|f| f.name == name))
        );
    }

    #[test]
    fn bad_arguments_name_the_argument() {
        let Err(CliError::Problems { field, .. }) = call("sln", &["x", "1", "2"]) else {
            panic!("expected an argument error");
        };
        assert_eq!(field.as_deref(), Some("cost"));
        // the core's error, with its code and field: SLN divides by the life
        let Err(CliError::Problems { code, field, .. }) = call("sln", &["1", "0", "0"]) else {
            panic!("expected the core's error");
        };
        assert_eq!((code, field.as_deref()), ("DOMAIN", Some("life")));
    }
}

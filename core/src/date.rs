//! Calendar dates: what dated cash flows (XNPV, XIRR) and the monthly timeline need, and
//! nothing more (no time of day, no time zone, no clock, no formatting language).
//!
//! A [`Date`] is a day of the proleptic Gregorian calendar from 0001-01-01 to 9999-12-31,
//! written `YYYY-MM-DD` in text and in JSON. Day numbers come from Howard Hinnant's
//! `days_from_civil` and `civil_from_days` algorithms (integer arithmetic only), counted
//! from 1970-01-01.

use std::{fmt, str::FromStr};

/// A calendar date (proleptic Gregorian, no time zone), 0001-01-01 to 9999-12-31.
///
/// ```
/// use gpuecon::Date;
///
/// let start = Date::from_ymd_opt(2026, 1, 31).unwrap();
/// assert_eq!(start.checked_add_months(1).unwrap().to_string(), "2026-02-28");
/// assert_eq!("2027-01-31".parse::<Date>().unwrap().days_since(start), 365);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01 (negative before it).
    days: i32,
}

/// Days from 1970-01-01 back to 0000-03-01, the start of Hinnant's shifted calendar.
const EPOCH_SHIFT: i64 = 719_468;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

impl Date {
    /// The first date: 0001-01-01.
    pub const MIN: Date = Date { days: -719_162 };
    /// The last date: 9999-12-31.
    pub const MAX: Date = Date { days: 2_932_896 };
    /// 1970-01-01, day 0 of JavaScript's and Unix's day counts.
    pub const UNIX_EPOCH: Date = Date { days: 0 };

    /// The date `year-month-day`, or `None` when there is no such day (2026-02-30) or it
    /// is outside 0001-01-01 to 9999-12-31.
    ///
    /// ```
    /// use gpuecon::Date;
    ///
    /// assert!(Date::from_ymd_opt(2024, 2, 29).is_some());
    /// assert!(Date::from_ymd_opt(2026, 2, 29).is_none());
    /// ```
    pub fn from_ymd_opt(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month)? {
            return None;
        }
        let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
        let shifted_year = if month <= 2 { year - 1 } else { year };
        let era = shifted_year.div_euclid(400);
        let year_of_era = shifted_year.rem_euclid(400);
        let shifted_month = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT;
        i32::try_from(days).ok().map(|days| Date { days })
    }

    /// The year, month (1 to 12) and day (1 to 31).
    fn ymd(self) -> (i32, u32, u32) {
        let shifted = i64::from(self.days) + EPOCH_SHIFT;
        let era = shifted.div_euclid(DAYS_PER_ERA);
        let day_of_era = shifted.rem_euclid(DAYS_PER_ERA);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // Every Date lies in years 1 to 9999, so these conversions cannot fail.
        (
            i32::try_from(year).unwrap_or_default(),
            u32::try_from(month).unwrap_or_default(),
            u32::try_from(day).unwrap_or_default(),
        )
    }

    /// The year (1 to 9999).
    ///
    /// ```
    /// assert_eq!(gpuecon::Date::from_ymd_opt(2026, 3, 1).unwrap().year(), 2026);
    /// ```
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month (1 to 12).
    ///
    /// ```
    /// assert_eq!(gpuecon::Date::from_ymd_opt(2026, 3, 1).unwrap().month(), 3);
    /// ```
    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day of the month (1 to 31).
    ///
    /// ```
    /// assert_eq!(gpuecon::Date::from_ymd_opt(2026, 3, 1).unwrap().day(), 1);
    /// ```
    pub fn day(self) -> u32 {
        self.ymd().2
    }

    /// Whole days from `earlier` to `self` (negative when `self` comes first).
    ///
    /// ```
    /// use gpuecon::Date;
    ///
    /// let (a, b) = (Date::from_ymd_opt(2024, 2, 1).unwrap(), Date::from_ymd_opt(2024, 3, 1).unwrap());
    /// assert_eq!(b.days_since(a), 29);
    /// assert_eq!(a.days_since(b), -29);
    /// ```
    pub fn days_since(self, earlier: Date) -> i64 {
        i64::from(self.days) - i64::from(earlier.days)
    }

    /// The date `days` later (earlier when negative), or `None` outside the calendar.
    ///
    /// ```
    /// use gpuecon::Date;
    ///
    /// assert_eq!(Date::UNIX_EPOCH.checked_add_days(-1).unwrap().to_string(), "1969-12-31");
    /// assert_eq!(Date::MAX.checked_add_days(1), None);
    /// ```
    pub fn checked_add_days(self, days: i64) -> Option<Date> {
        let days = i32::try_from(i64::from(self.days).checked_add(days)?).ok()?;
        (Date::MIN.days..=Date::MAX.days)
            .contains(&days)
            .then_some(Date { days })
    }

    /// The same day `months` later, or the last day of that month when it is shorter
    /// (2026-01-31 plus one month is 2026-02-28); `None` past 9999-12-31.
    ///
    /// ```
    /// use gpuecon::Date;
    ///
    /// let end = Date::from_ymd_opt(2024, 1, 31).unwrap().checked_add_months(1).unwrap();
    /// assert_eq!(end.to_string(), "2024-02-29");
    /// ```
    pub fn checked_add_months(self, months: u32) -> Option<Date> {
        let (year, month, day) = self.ymd();
        let index = i64::from(year) * 12 + i64::from(month - 1) + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
        Date::from_ymd_opt(year, month, day.min(days_in_month(year, month)?))
    }
}

/// Days in `month` of `year`, or `None` for a month outside 1 to 12.
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 => Some(if leap { 29 } else { 28 }),
        _ => None,
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// As [`Display`](fmt::Display): `2026-01-31`.
impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError;

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a date written YYYY-MM-DD (0001-01-01 to 9999-12-31)")
    }
}

impl std::error::Error for ParseDateError {}

/// Reads exactly `YYYY-MM-DD`: four digits, two, two, and a day that exists.
///
/// ```
/// use gpuecon::Date;
///
/// assert_eq!("2026-01-31".parse::<Date>(), Ok(Date::from_ymd_opt(2026, 1, 31).unwrap()));
/// assert!("2026-1-31".parse::<Date>().is_err());
/// assert!("2026-02-30".parse::<Date>().is_err());
/// ```
impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Date, ParseDateError> {
        let number = |from: usize, to: usize| -> Option<u32> {
            let digits = text.get(from..to)?;
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().ok()
            } else {
                None
            }
        };
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(ParseDateError);
        }
        let year = number(0, 4).and_then(|y| i32::try_from(y).ok());
        match (year, number(5, 7), number(8, 10)) {
            (Some(year), Some(month), Some(day)) => {
                Date::from_ymd_opt(year, month, day).ok_or(ParseDateError)
            }
            _ => Err(ParseDateError),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;

        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(text), &self))
            }
        }

        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Day counts by brute force: every day from 0001-01-01, one at a time.
    #[test]
    fn every_day_round_trips_and_counts_by_one() {
        let mut expected = Date::MIN.days;
        for year in 1..=9999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month).unwrap() {
                    let date = Date::from_ymd_opt(year, month, day).unwrap();
                    assert_eq!(date.days, expected, "{year}-{month}-{day}");
                    assert_eq!(date.ymd(), (year, month, day));
                    expected += 1;
                }
            }
        }
        assert_eq!(expected - 1, Date::MAX.days);
        assert_eq!(Date::from_ymd_opt(1970, 1, 1), Some(Date::UNIX_EPOCH));
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        for (y, m, d) in [
            (2026, 2, 29),
            (2026, 4, 31),
            (2026, 13, 1),
            (2026, 0, 1),
            (2026, 1, 0),
            (0, 1, 1),
            (10_000, 1, 1),
            (1900, 2, 29),
        ] {
            assert_eq!(Date::from_ymd_opt(y, m, d), None, "{y}-{m}-{d}");
        }
        assert!(Date::from_ymd_opt(2000, 2, 29).is_some());
    }

    #[test]
    fn adds_months_at_the_end_of_shorter_months() {
        let date = |text: &str| text.parse::<Date>().unwrap();
        assert_eq!(
            date("2026-01-31").checked_add_months(1),
            Some(date("2026-02-28"))
        );
        assert_eq!(
            date("2026-01-31").checked_add_months(13),
            Some(date("2027-02-28"))
        );
        assert_eq!(
            date("2026-03-15").checked_add_months(0),
            Some(date("2026-03-15"))
        );
        assert_eq!(
            date("2026-12-01").checked_add_months(1),
            Some(date("2027-01-01"))
        );
        assert_eq!(date("9999-12-01").checked_add_months(1), None);
        assert_eq!(date("2026-01-01").checked_add_months(u32::MAX), None);
    }

    #[test]
    fn parses_and_prints_iso_dates_only() {
        assert_eq!("0001-01-01".parse::<Date>(), Ok(Date::MIN));
        assert_eq!(Date::MAX.to_string(), "9999-12-31");
        assert_eq!(format!("{:?}", Date::MIN), "0001-01-01");
        for bad in [
            "2026-1-31",
            "2026-01-31T00:00:00Z",
            "",
            "+2026-01-31",
            "2026/01/31",
            "2026-0a-01",
            "0000-01-01",
            "２０２６-01-01",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(ParseDateError), "{bad:?}");
        }
    }

    #[test]
    fn serde_writes_and_reads_the_text() {
        let date = Date::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-01-31\"");
        assert_eq!(
            serde_json::from_str::<Date>("\"2026-01-31\"").unwrap(),
            date
        );
        assert!(serde_json::from_str::<Date>("\"2026-02-31\"").is_err());
        assert!(serde_json::from_str::<Date>("20260131").is_err());
    }
}

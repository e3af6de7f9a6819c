//! Quantities with their unit in the type: money in euro cents, full-time equivalents in
//! hundredths, calendar dates. Integers only, so sums never drift, and each formats itself
//! the French way (`1 234,50 €`, `0,50 ETP`, `29/11/2026`). [`Local`] writes them in the
//! reader's language: the one formatting of numbers that the app, the command line, the
//! reports and the CSV share (`€150,000.00`, `0.50 FTE`, `52%` in English).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// The narrow no-break space French puts between thousands (`1 234`).
const THOUSANDS: char = '\u{202f}';
/// The no-break space French puts before a unit (`12 €`, `52 %`).
const BEFORE_UNIT: char = '\u{a0}';

/// An amount of money in euro cents. Negative amounts are deficits.
///
/// What is read (a link, a file, storage) is bounded: at most [`Cents::MAX_ABS`] either
/// way, a typed error beyond, so that no sum or product of the dossier's amounts can
/// overflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl<'de> Deserialize<'de> for Cents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let cents = i64::deserialize(deserializer)?;
        if cents.unsigned_abs() > Cents::MAX_ABS.0.unsigned_abs() {
            return Err(serde::de::Error::custom(format!(
                "amount of {cents} cents beyond the {} cents a dossier may hold",
                Cents::MAX_ABS.0
            )));
        }
        Ok(Cents(cents))
    }
}

impl Cents {
    /// The largest amount a dossier holds, either way: a billion euros (choix de Fabrique:
    /// a thousand times the largest tiers-lieu budget, far from any overflow).
    pub const MAX_ABS: Cents = Cents(100_000_000_000);

    /// Whole euros.
    pub const fn euros(euros: i64) -> Self {
        Cents(euros * 100)
    }

    /// `part` as a share of `self`, in whole percent rounded down; `None` when `self` is zero
    /// or negative.
    pub fn percent_of(self, part: Cents) -> Option<i64> {
        (self.0 > 0).then(|| part.0.saturating_mul(100) / self.0)
    }
}

impl Cents {
    /// Reads an amount typed the French way: `1 234,50`, `1234.5`, `12 €`, `-30`. Spaces
    /// of any kind group thousands; a comma or a dot separates at most two decimals.
    pub fn parse_fr(text: &str) -> Option<Cents> {
        let cleaned: String = text
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != THOUSANDS)
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, fraction) = match digits.split_once([',', '.']) {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || whole.len() > 15
            || fraction.len() > 2
            || !all_digits(whole)
            || !all_digits(fraction)
        {
            return None;
        }
        let euros: i64 = whole.parse().ok()?;
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().ok()? * 10,
            _ => fraction.parse().ok()?,
        };
        let amount = euros.checked_mul(100)?.checked_add(cents)?;
        if amount > Cents::MAX_ABS.0 {
            return None;
        }
        Some(Cents(if negative { -amount } else { amount }))
    }

    /// The amount as a person would type it back: `1234,5` → `1234,50`, no grouping, no
    /// unit, so that it reads back with [`Cents::parse_fr`].
    pub fn input_text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        if magnitude % 100 == 0 {
            format!("{sign}{}", magnitude / 100)
        } else {
            format!("{sign}{},{:02}", magnitude / 100, magnitude % 100)
        }
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, other: Cents) {
        *self = *self + other;
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::default(), Add::add)
    }
}

/// Groups the digits of `value` by thousands, the French way (`18 000`).
pub fn group_thousands(value: u64) -> String {
    Grouped(value, THOUSANDS).to_string()
}

impl fmt::Display for Cents {
    /// `1 234,50 €`; whole amounts keep their cents (`50 000,00 €`) as in a budget table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        write!(
            f,
            "{sign}{},{:02}{BEFORE_UNIT}€",
            Grouped(magnitude / 100, THOUSANDS),
            magnitude % 100
        )
    }
}

/// Full-time equivalents in hundredths: `Fte(100)` is one full-time position.
/// What is read is bounded by [`Fte::MAX`], a typed error beyond.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Fte(pub u32);

impl Fte {
    /// One full-time position.
    pub const ONE: Fte = Fte(100);
    /// The most a position or a team holds: a thousand full-time positions (choix de
    /// Fabrique, far beyond any tiers-lieu).
    pub const MAX: Fte = Fte(100_000);
}

impl<'de> Deserialize<'de> for Fte {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let hundredths = u32::deserialize(deserializer)?;
        if hundredths > Fte::MAX.0 {
            return Err(serde::de::Error::custom(format!(
                "{hundredths} hundredths of a full-time position, at most {}",
                Fte::MAX.0
            )));
        }
        Ok(Fte(hundredths))
    }
}

impl Add for Fte {
    type Output = Fte;
    fn add(self, other: Fte) -> Fte {
        Fte(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for Fte {
    fn sum<I: Iterator<Item = Fte>>(iter: I) -> Fte {
        iter.fold(Fte::default(), Add::add)
    }
}

impl fmt::Display for Fte {
    /// `1,50 ETP`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{:02}{BEFORE_UNIT}ETP", self.0 / 100, self.0 % 100)
    }
}

/// A whole percentage, formatted `52 %`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Percent(pub i64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{BEFORE_UNIT}%", self.0)
    }
}

/// A calendar date, stored as `YYYY-MM-DD` and shown as `29/11/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if it exists in the calendar (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, the form of HTML date fields and of the stored dossier.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// `29/11/2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}")))
    }
}

/// A quantity written the way `lang` writes it: French (`150 000,00 €`, `0,50 ETP`,
/// `52 %`, `18 000`) or English (`€150,000.00`, `0.50 FTE`, `52%`, `18,000`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Local<T>(pub T, pub crate::referential::Lang);

/// `value`'s digits grouped by thousands with a separator, written where it is displayed:
/// nothing allocated (amounts are written for every line of a plan on every keystroke).
#[derive(Clone, Copy)]
struct Grouped(u64, char);

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let Grouped(value, separator) = *self;
        // u64::MAX has 20 digits.
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = value;
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let digits = &digits[start..];
        for (position, digit) in digits.iter().enumerate() {
            if position > 0 && (digits.len() - position) % 3 == 0 {
                f.write_char(separator)?;
            }
            f.write_char(char::from(*digit))?;
        }
        Ok(())
    }
}

impl fmt::Display for Local<Cents> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::referential::Lang;
        let Local(amount, lang) = *self;
        match lang {
            Lang::Fr => write!(f, "{amount}"),
            Lang::En => {
                let sign = if amount.0 < 0 { "-" } else { "" };
                let magnitude = amount.0.unsigned_abs();
                write!(
                    f,
                    "{sign}€{}.{:02}",
                    Grouped(magnitude / 100, ','),
                    magnitude % 100
                )
            }
        }
    }
}

impl fmt::Display for Local<&Cents> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Local(*self.0, self.1).fmt(f)
    }
}

impl fmt::Display for Local<Fte> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::referential::Lang;
        let Local(fte, lang) = *self;
        match lang {
            Lang::Fr => write!(f, "{fte}"),
            Lang::En => write!(f, "{}.{:02} FTE", fte.0 / 100, fte.0 % 100),
        }
    }
}

impl fmt::Display for Local<Percent> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::referential::Lang;
        let Local(percent, lang) = *self;
        match lang {
            Lang::Fr => write!(f, "{percent}"),
            Lang::En => write!(f, "{}%", percent.0),
        }
    }
}

impl fmt::Display for Local<i64> {
    /// A whole number, thousands grouped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::referential::Lang;
        let Local(value, lang) = *self;
        // Most counts have no thousands to group: written as they are, nothing allocated.
        if (-999..=999).contains(&value) {
            return write!(f, "{value}");
        }
        let sign = if value < 0 { "-" } else { "" };
        let separator = match lang {
            Lang::Fr => THOUSANDS,
            Lang::En => ',',
        };
        write!(f, "{sign}{}", Grouped(value.unsigned_abs(), separator))
    }
}

impl fmt::Display for Local<u32> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Local(i64::from(self.0), self.1).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_numbers_its_own_way() {
        use crate::referential::Lang::{En, Fr};
        assert_eq!(Local(Cents::euros(150_000), En).to_string(), "€150,000.00");
        assert_eq!(Local(Cents(-1_500_005), En).to_string(), "-€15,000.05");
        assert_eq!(
            Local(Cents::euros(150_000), Fr).to_string(),
            "150\u{202f}000,00\u{a0}€"
        );
        assert_eq!(Local(Fte(50), En).to_string(), "0.50 FTE");
        assert_eq!(Local(Fte(50), Fr).to_string(), "0,50\u{a0}ETP");
        assert_eq!(Local(Percent(52), En).to_string(), "52%");
        assert_eq!(Local(Percent(52), Fr).to_string(), "52\u{a0}%");
        assert_eq!(Local(1_234_567_i64, En).to_string(), "1,234,567");
        assert_eq!(Local(-26_000_i64, Fr).to_string(), "-26\u{202f}000");
        assert_eq!(Local(999_u32, En).to_string(), "999");
    }

    #[test]
    fn digits_are_grouped_by_thousands_at_every_length() {
        // Every length from 1 to 20 digits (1, 19, 199… then u64::MAX), against the plain
        // digits grouped another way.
        let mut value = 1_u64;
        for digits in 1..=20 {
            let plain = value.to_string();
            assert_eq!(plain.len(), digits);
            let mut expected = String::new();
            for (position, digit) in plain.chars().enumerate() {
                if position > 0 && (digits - position) % 3 == 0 {
                    expected.push(',');
                }
                expected.push(digit);
            }
            assert_eq!(Grouped(value, ',').to_string(), expected);
            value = value.saturating_mul(10).saturating_add(9);
        }
        assert_eq!(
            Grouped(u64::MAX, ',').to_string(),
            "18,446,744,073,709,551,615"
        );
        assert_eq!(group_thousands(1_000), "1\u{202f}000");
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(100_000), "100\u{202f}000");
    }

    #[test]
    fn money_is_written_the_french_way() {
        let cases = [
            (Cents(123_450), "1\u{202f}234,50\u{a0}€"),
            (Cents(5), "0,05\u{a0}€"),
            (Cents::euros(150_000), "150\u{202f}000,00\u{a0}€"),
            (Cents::euros(1_000_000), "1\u{202f}000\u{202f}000,00\u{a0}€"),
            (Cents(-250_000), "-2\u{202f}500,00\u{a0}€"),
            (Cents(0), "0,00\u{a0}€"),
        ];
        for (amount, written) in cases {
            assert_eq!(amount.to_string(), written);
        }
    }

    #[test]
    fn amounts_typed_the_french_way_are_read() {
        let cases = [
            ("1 234,50", Some(Cents(123_450))),
            ("1\u{202f}234,5 €", Some(Cents(123_450))),
            ("1234.05", Some(Cents(123_405))),
            ("12", Some(Cents(1_200))),
            ("-30", Some(Cents(-3_000))),
            ("0,5", Some(Cents(50))),
            ("", None),
            (",50", None),
            ("12,345", None),
            ("12a", None),
            ("1,2,3", None),
            ("99999999999999999999", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Cents::parse_fr(text), expected, "{text:?}");
        }
        for cents in [0, 5, 1_200, 123_450, -3_050] {
            assert_eq!(
                Cents::parse_fr(&Cents(cents).input_text()),
                Some(Cents(cents))
            );
        }
    }

    #[test]
    fn fte_and_percent_are_written_the_french_way() {
        assert_eq!(Fte(150).to_string(), "1,50\u{a0}ETP");
        assert_eq!(Fte(5).to_string(), "0,05\u{a0}ETP");
        assert_eq!(Percent(52).to_string(), "52\u{a0}%");
    }

    #[test]
    fn shares_round_down_and_refuse_an_empty_total() {
        assert_eq!(Cents(300).percent_of(Cents(100)), Some(33));
        assert_eq!(Cents(0).percent_of(Cents(100)), None);
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        assert_eq!(Cents(i64::MAX) + Cents(1), Cents(i64::MAX));
        assert_eq!(Fte(u32::MAX) + Fte(1), Fte(u32::MAX));
    }

    #[test]
    fn amounts_and_fte_beyond_their_bounds_are_refused_when_read() {
        let max = Cents::MAX_ABS.0;
        for cents in [max, -max, 0, 12] {
            let json = cents.to_string();
            assert_eq!(
                serde_json::from_str::<Cents>(&json).ok(),
                Some(Cents(cents))
            );
        }
        for cents in [max + 1, -max - 1, i64::MAX, i64::MIN] {
            let error = serde_json::from_str::<Cents>(&cents.to_string()).expect_err("refused");
            assert!(error.to_string().contains("beyond"), "{error}");
        }
        assert_eq!(Cents::parse_fr("1000000000"), Some(Cents::MAX_ABS));
        assert_eq!(Cents::parse_fr("1000000000,01"), None);
        assert_eq!(serde_json::from_str::<Fte>("100000").ok(), Some(Fte::MAX));
        assert!(serde_json::from_str::<Fte>("100001").is_err());
        // Postcard, the links' form, goes through the same check.
        let binary = postcard::to_allocvec(&(max + 1)).expect("writes");
        assert!(postcard::from_bytes::<Cents>(&binary).is_err());
    }

    #[test]
    fn dates_exist_or_are_refused() {
        assert_eq!(
            Date::parse_iso("2024-02-29").map(|d| d.to_string()),
            Some("29/02/2024".to_owned())
        );
        for text in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "26-01-01",
            "2026-1-1",
            "",
            "abcd-ef-gh",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn dates_survive_json() {
        let date = Date::new(2026, 11, 29).expect("a real date");
        let json = serde_json::to_string(&date).expect("serializes");
        assert_eq!(json, "\"2026-11-29\"");
        assert_eq!(serde_json::from_str::<Date>(&json).ok(), Some(date));
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}

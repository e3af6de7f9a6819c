//! A dossier's progress over time: one point per day its evaluation changed (the weighted
//! score and each criterion's score), the last [`MAX_POINTS`] kept. The history belongs to
//! the holder's record, beside the dossier: storage and the export file carry it, a share
//! link never does.

use crate::evaluation::Evaluation;
use crate::referential::Lang;
use crate::units::Date;
use serde::{Deserialize, Serialize};

/// The most points a history keeps: a year of daily changes.
pub const MAX_POINTS: usize = 365;
/// The most criteria a point keeps (each referential has six).
const MAX_CRITERIA: usize = 12;
const DAY_MS: u64 = 86_400_000;

/// The evaluation on one day, stored in short names (a year of points stays small).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Days since 1970-01-01 (UTC).
    #[serde(rename = "d")]
    pub day: u32,
    /// The weighted score, 0 to 100.
    #[serde(rename = "s")]
    pub score: u32,
    /// Each criterion's score, in the referential's order.
    #[serde(rename = "c", default)]
    pub criteria: Vec<u32>,
}

impl Point {
    /// The point of an evaluation on `day`.
    pub fn of(day: u32, evaluation: &Evaluation) -> Point {
        Point {
            day,
            score: evaluation.weighted_score,
            criteria: evaluation.criteria.iter().map(|c| c.score).collect(),
        }
    }

    /// Its day as a date (none beyond the calendar Fabrique writes).
    pub fn date(&self) -> Option<Date> {
        date_of_day(self.day)
    }
}

/// The points, oldest first, one per day at most. Whatever is read (storage, a file) is
/// put in order: sorted by day, one point per day (the last read), scores within 0–100,
/// at most [`MAX_POINTS`] (the latest).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Point>", into = "Vec<Point>")]
pub struct History(Vec<Point>);

impl From<Vec<Point>> for History {
    fn from(mut points: Vec<Point>) -> History {
        points.sort_by_key(|p| p.day);
        let mut kept: Vec<Point> = Vec::with_capacity(points.len().min(MAX_POINTS));
        for mut point in points {
            point.score = point.score.min(100);
            point.criteria.truncate(MAX_CRITERIA);
            point.criteria.iter_mut().for_each(|c| *c = (*c).min(100));
            match kept.last_mut() {
                Some(last) if last.day == point.day => *last = point,
                _ => kept.push(point),
            }
        }
        let excess = kept.len().saturating_sub(MAX_POINTS);
        kept.drain(..excess);
        History(kept)
    }
}

impl From<History> for Vec<Point> {
    fn from(history: History) -> Vec<Point> {
        history.0
    }
}

impl History {
    /// Reads a history kept as JSON inside a record or a file entry; `None` when it cannot
    /// be read. Through text, as the dossier is: one JSON reader for these types (#20).
    pub fn from_value(value: serde_json::Value) -> Option<History> {
        serde_json::from_str(&value.to_string()).ok()
    }

    /// This history as JSON, to keep beside a dossier's fields.
    pub fn to_value(&self) -> serde_json::Value {
        // A list of integers always serializes, and what serde_json wrote it reads.
        serde_json::to_string(self)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn points(&self) -> &[Point] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records the evaluation of `day`: it replaces that day's point; on a new day it is
    /// added when it differs from the last point. The oldest point goes beyond
    /// [`MAX_POINTS`].
    pub fn record(&mut self, point: Point) {
        match self.0.last_mut() {
            Some(last) if last.day == point.day => *last = point,
            Some(last) if last.day > point.day => {} // a clock set back: the past stays
            Some(last) if last.score == point.score && last.criteria == point.criteria => {}
            _ => self.0.push(point),
        }
        let excess = self.0.len().saturating_sub(MAX_POINTS);
        self.0.drain(..excess);
    }

    /// This history with `point` recorded (the live evaluation shown beside the stored
    /// days).
    pub fn with(&self, point: Point) -> History {
        let mut shown = self.clone();
        shown.record(point);
        shown
    }

    /// "37 → 62 en 3 semaines": the first and the last score and the time between, once
    /// there are two days.
    pub fn progress(&self, lang: Lang) -> Option<String> {
        let (first, last) = (self.0.first()?, self.0.last()?);
        if first.day == last.day {
            return None;
        }
        let days = last.day - first.day;
        let (count, fr, en) = if days < 14 {
            (days, ("jour", "jours"), ("day", "days"))
        } else if days < 61 {
            (days / 7, ("semaine", "semaines"), ("week", "weeks"))
        } else {
            (days / 30, ("mois", "mois"), ("month", "months"))
        };
        let unit = match (lang, count) {
            (Lang::Fr, 1) => fr.0,
            (Lang::Fr, _) => fr.1,
            (Lang::En, 1) => en.0,
            (Lang::En, _) => en.1,
        };
        Some(match lang {
            Lang::Fr => format!("{} → {} en {count} {unit}", first.score, last.score),
            Lang::En => format!("{} → {} in {count} {unit}", first.score, last.score),
        })
    }
}

/// The day (UTC) of a time in milliseconds since 1970.
pub fn day_of(ms: u64) -> u32 {
    u32::try_from(ms / DAY_MS).unwrap_or(u32::MAX)
}

/// The date of a day since 1970-01-01 (the civil calendar, leap years included); none for a
/// day beyond year 65535 (a stored value may say anything).
pub fn date_of_day(day: u32) -> Option<Date> {
    // Howard Hinnant's days-to-civil, on eras of 400 years.
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: u32, score: u32) -> Point {
        Point {
            day,
            score,
            criteria: vec![score; 6],
        }
    }

    #[test]
    fn one_point_per_day_and_only_when_the_evaluation_changed() {
        let mut history = History::default();
        history.record(point(100, 30));
        history.record(point(100, 37));
        assert_eq!(history.points(), [point(100, 37)]);
        history.record(point(101, 37));
        assert_eq!(history.points().len(), 1, "nothing changed on day 101");
        history.record(point(121, 62));
        assert_eq!(history.points(), [point(100, 37), point(121, 62)]);
        assert_eq!(
            history.progress(Lang::Fr).as_deref(),
            Some("37 → 62 en 3 semaines")
        );
        assert_eq!(
            history.progress(Lang::En).as_deref(),
            Some("37 → 62 in 3 weeks")
        );
        // A clock set back never rewrites the past.
        history.record(point(90, 99));
        assert_eq!(history.points().len(), 2);
    }

    #[test]
    fn a_year_of_points_is_kept_and_no_more() {
        let mut history = History::default();
        for day in 0..400 {
            history.record(point(day, day % 101));
        }
        assert_eq!(history.points().len(), MAX_POINTS);
        assert_eq!(history.points()[0].day, 400 - MAX_POINTS as u32);
    }

    #[test]
    fn what_is_read_is_put_in_order() {
        let text = r#"[{"d":5,"s":250,"c":[1,2]},{"d":3,"s":10},{"d":5,"s":40,"c":[]}]"#;
        let history: History = serde_json::from_str(text).expect("a history");
        assert_eq!(
            history.points(),
            [
                Point {
                    day: 3,
                    score: 10,
                    criteria: vec![]
                },
                Point {
                    day: 5,
                    score: 40,
                    criteria: vec![]
                }
            ]
        );
        let written = serde_json::to_string(&history).expect("written");
        assert_eq!(written, r#"[{"d":3,"s":10,"c":[]},{"d":5,"s":40,"c":[]}]"#);
    }

    #[test]
    fn a_history_kept_as_json_reads_back_or_not_at_all() {
        let mut history = History::default();
        history.record(point(3, 10));
        history.record(point(9, 55));
        let value = history.to_value();
        assert_eq!(
            value,
            serde_json::json!([{"d":3,"s":10,"c":[10,10,10,10,10,10]},{"d":9,"s":55,"c":[55,55,55,55,55,55]}])
        );
        assert_eq!(History::from_value(value), Some(history));
        assert_eq!(History::from_value(serde_json::json!({"d": 3})), None);
        assert_eq!(
            History::from_value(serde_json::json!([{"d": "trois"}])),
            None
        );
        assert_eq!(History::default().to_value(), serde_json::json!([]));
    }

    #[test]
    fn days_are_calendar_dates() {
        let written = |day| date_of_day(day).map(|date| date.to_string());
        assert_eq!(written(0).as_deref(), Some("01/01/1970"));
        assert_eq!(
            written(day_of(1_795_996_800_000 + 86_399_999)).as_deref(),
            Some("30/11/2026")
        );
        assert_eq!(written(19_782).as_deref(), Some("29/02/2024"));
        assert_eq!(written(u32::MAX), None);
    }
}

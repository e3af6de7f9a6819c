//! A dossier's progress: its weighted score day by day as a small line chart, with the
//! same points in words for those who do not see it.

use crate::i18n::{lang, tr};
use fabrique_core::history::History;
use leptos::prelude::*;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 64.0;
const MARGIN: f64 = 4.0;

/// Where each point of the history goes in the chart: days along, the score up.
fn positions(history: &History) -> Vec<(f64, f64)> {
    let points = history.points();
    let (first, last) = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (f64::from(first.day), f64::from(last.day)),
        _ => return Vec::new(),
    };
    let span = (last - first).max(1.0);
    points
        .iter()
        .map(|p| {
            let x = if points.len() == 1 {
                WIDTH / 2.0
            } else {
                MARGIN + (f64::from(p.day) - first) / span * (WIDTH - 2.0 * MARGIN)
            };
            let y = HEIGHT - MARGIN - f64::from(p.score.min(100)) / 100.0 * (HEIGHT - 2.0 * MARGIN);
            (x, y)
        })
        .collect()
}

/// The progress of a dossier: the chart and its sentence ("37 → 62 en 3 semaines").
#[component]
pub fn Progress(
    /// The history to draw (the live evaluation as today's point, in the editor).
    history: Signal<History>,
) -> impl IntoView {
    let language = lang();
    let described = move || {
        history.with(|h| {
            h.points()
                .iter()
                .map(|p| {
                    let date = p
                        .date()
                        .map_or_else(|| "—".to_owned(), |date| date.to_string());
                    format!("{date} : {}", p.score)
                })
                .collect::<Vec<_>>()
                .join(" ; ")
        })
    };
    let sentence = move || {
        history.with(|h| {
            h.progress(language).unwrap_or_else(|| {
                tr(
                    "Un seul jour pour l'instant : la courbe commence.",
                    "One day so far: the curve begins.",
                )
                .to_owned()
            })
        })
    };
    // A line needs two days: until then, only the sentence.
    let drawn = move || history.with(|h| h.points().len() >= 2);
    let placed = Memo::new(move |_| history.with(positions));
    view! {
        <figure class="progress" data-testid="progress">
            <svg
                hidden=move || !drawn()
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=move || {
                    format!("{} {}", tr("Score pondéré par jour :", "Weighted score by day:"), described())
                }
            >
                <line class="axis" x1="0" x2=WIDTH y1=HEIGHT - MARGIN y2=HEIGHT - MARGIN></line>
                <polyline points=move || {
                    placed.with(|p| p.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" "))
                }></polyline>
                {move || {
                    placed
                        .get()
                        .into_iter()
                        .map(|(x, y)| {
                            view! {
                                <circle
                                    data-testid="progress-point"
                                    cx=format!("{x:.1}")
                                    cy=format!("{y:.1}")
                                    r="2.5"
                                ></circle>
                            }
                        })
                        .collect_view()
                }}
            </svg>
            <figcaption>
                <strong>{tr("Progression", "Progress")}</strong>
                " · "
                <span data-testid="progress-text">{sentence}</span>
            </figcaption>
        </figure>
    }
}

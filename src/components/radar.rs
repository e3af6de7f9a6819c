//! A radar chart of the six criteria, drawn in SVG: one axis per criterion, the score as the
//! distance from the centre. It repeats what the list says, for the eye; the list stays the
//! accessible source, and the chart carries the scores as its text alternative.

use fabrique_core::evaluation::Evaluation;
use leptos::prelude::*;
use std::f64::consts::PI;

const SIZE: f64 = 260.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 80.0;

/// The point at `fraction` of the radius on axis `index` of `count`, starting at the top.
fn point(index: usize, count: usize, fraction: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count as f64;
    (
        CENTRE + RADIUS * fraction * angle.cos(),
        CENTRE + RADIUS * fraction * angle.sin(),
    )
}

/// A polygon's points through each axis at its fraction of the radius.
pub fn polygon(fractions: &[f64]) -> String {
    fractions
        .iter()
        .enumerate()
        .map(|(index, fraction)| {
            let (x, y) = point(index, fractions.len(), *fraction);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart's frame: its view box.
pub fn view_box() -> String {
    format!("-50 -12 {} {}", SIZE + 100.0, SIZE + 24.0)
}

/// The rings at each quarter and the axes, for `count` criteria.
pub fn frame(count: usize) -> impl IntoView {
    view! {
        {[0.25, 0.5, 0.75, 1.0]
            .map(|ring| view! { <polygon class="ring" points=polygon(&vec![ring; count])></polygon> })
            .into_iter()
            .collect_view()}
        {(0..count)
            .map(|index| {
                let (x, y) = point(index, count, 1.0);
                view! { <line class="axis" x1=CENTRE y1=CENTRE x2=x y2=y></line> }
            })
            .collect_view()}
    }
}

/// Each criterion's name at the end of its axis.
pub fn axis_labels(labels: &[String]) -> impl IntoView {
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let (x, y) = point(index, labels.len(), 1.22);
            let anchor = if (x - CENTRE).abs() < 1.0 {
                "middle"
            } else if x > CENTRE {
                "start"
            } else {
                "end"
            };
            view! {
                <text x=x y=y text-anchor=anchor dominant-baseline="middle">
                    {label.clone()}
                </text>
            }
        })
        .collect_view()
}

/// The radar of the criteria's scores.
#[component]
pub fn Radar(
    /// The evaluation to draw.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    let scores = Memo::new(move |_| {
        evaluation.with(|e| {
            e.criteria
                .iter()
                .map(|c| (c.label.to_string(), c.score))
                .collect::<Vec<_>>()
        })
    });
    let description = move || {
        scores.with(|s| {
            s.iter()
                .map(|(label, score)| format!("{label} {score}/100"))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <svg class="radar" viewBox=view_box() role="img" aria-label=description>
            {frame(6)}
            <polygon
                class="scores"
                points=move || {
                    scores.with(|s| polygon(&s.iter().map(|(_, score)| f64::from(*score) / 100.0).collect::<Vec<_>>()))
                }
            ></polygon>
            {move || scores.with(|s| axis_labels(&s.iter().map(|(label, _)| label.clone()).collect::<Vec<_>>()))}
        </svg>
    }
}

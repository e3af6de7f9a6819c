//! Reports of an evaluation as text: plain text for a terminal, Markdown for a document.
//! Both say the verdict, the weakest criterion, the funding flags and the action plan, and
//! name the rules' sources, so a reader can argue with every figure.

use crate::dossier::Dossier;
use crate::evaluation::{Evaluation, Level};
use crate::funding::{bounds_text, ceiling_text, item_name, item_plan_text, public_aid_note};
use crate::label::Label;
use crate::referential::{Lang, Referential};
use crate::units::Local;
use std::fmt::Write as _;

fn level_mark(level: Level) -> &'static str {
    match level {
        Level::Met => "✔",
        Level::Partial => "◐",
        Level::Missing => "✘",
    }
}

/// A funder's commitment in words.
pub fn funding_status_name(status: crate::dossier::FundingStatus, lang: Lang) -> &'static str {
    use crate::dossier::FundingStatus;
    match (status, lang) {
        (FundingStatus::Planned, Lang::Fr) => "envisagé",
        (FundingStatus::Requested, Lang::Fr) => "demandé",
        (FundingStatus::Granted, Lang::Fr) => "acquis",
        (FundingStatus::Planned, Lang::En) => "planned",
        (FundingStatus::Requested, Lang::En) => "requested",
        (FundingStatus::Granted, Lang::En) => "granted",
    }
}

/// A position and who funds it each year, with each funder's commitment: "Animatrice
/// (1,00 ETP) — année 1 : AMI (subvention de l'appel, demandé), EPCI (acquis) ; …".
pub fn position_line(position: &crate::dossier::Position, lang: Lang) -> String {
    let c = colon(lang);
    let role = if position.role.trim().is_empty() {
        "—"
    } else {
        position.role.trim()
    };
    let years: Vec<String> = position
        .years
        .iter()
        .enumerate()
        .map(|(year, funding)| {
            let funders: Vec<String> = funding
                .funders
                .iter()
                .filter(|f| f.is_named())
                .map(|f| {
                    let status = funding_status_name(f.status, lang);
                    let name = f.funder.trim();
                    match (f.from_call, lang) {
                        (true, Lang::Fr) => format!("{name} (subvention de l'appel, {status})"),
                        (true, Lang::En) => format!("{name} (the call's grant, {status})"),
                        (false, _) => format!("{name} ({status})"),
                    }
                })
                .collect();
            let funders = if funders.is_empty() {
                match lang {
                    Lang::Fr => "non financé".to_owned(),
                    Lang::En => "not funded".to_owned(),
                }
            } else {
                funders.join(", ")
            };
            match lang {
                Lang::Fr => format!("année {}{c}{funders}", year + 1),
                Lang::En => format!("year {}{c}{funders}", year + 1),
            }
        })
        .collect();
    let separator = match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    };
    format!(
        "{role} ({}) — {}",
        Local(position.fte, lang),
        years.join(separator)
    )
}

/// The colon as each language writes it: French puts a space before it, English none.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// What the report's headings say, in one language.
struct Words {
    verdict: &'static str,
    score: &'static str,
    weakest: &'static str,
    blocking: &'static str,
    criteria: &'static str,
    funding: &'static str,
    call: &'static str,
    not_asked: &'static str,
    ceiling: &'static str,
    ami: &'static str,
    finances: &'static str,
    staff: &'static str,
    actions: &'static str,
    sources: &'static str,
    ours: &'static str,
    who: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Fr => Words {
            verdict: "Verdict",
            score: "Score pondéré",
            weakest: "Critère le plus faible",
            blocking: "Conditions bloquantes",
            criteria: "Critères",
            funding: "Financements",
            call: "Appel visé",
            not_asked: "Sources non sollicitées",
            ceiling: "Part propre du maître d'ouvrage (CGCT art. L1111-10)",
            ami: "Subvention de l'appel",
            finances: "Chiffres du budget",
            staff: "Postes et financeurs",
            actions: "Plan d'action",
            sources: "Sources des règles",
            ours: "Les pondérations, seuils et niveaux sont des choix de Fabrique : aucune pondération officielle \
                n'est publiée.",
            who: "Auto-évaluation établie par Fabrique, avec le poids de chaque critère : ni l'avis de l'ANCT ni \
                celui d'un jury. Pour une candidature, joignez le dossier de présentation.",
        },
        Lang::En => Words {
            verdict: "Verdict",
            score: "Weighted score",
            weakest: "Weakest criterion",
            blocking: "Blocking conditions",
            criteria: "Criteria",
            funding: "Funding",
            call: "Call",
            not_asked: "Sources not asked",
            ceiling: "The owner's own share (CGCT art. L1111-10)",
            ami: "The call's grant",
            finances: "Budget figures",
            staff: "Positions and funders",
            actions: "Action plan",
            sources: "Sources of the rules",
            ours: "Weights, thresholds and levels are Fabrique's own choices: no official weighting is published.",
            who: "Self-evaluation made by Fabrique, with each criterion's weight: neither the ANCT's nor a jury's \
                opinion. For an application, attach the project presentation.",
        },
    }
}

/// The report's lines, shared by both formats: (heading level, text) pairs, where level 0
/// is a plain line, 1 a title, 2 a section, and `-` items are list lines.
fn lines(
    dossier: &Dossier,
    evaluation: &Evaluation,
    referential: &Referential,
    lang: Lang,
) -> Vec<(u8, String)> {
    let w = words(lang);
    let c = colon(lang);
    let mut out = Vec::new();
    let name = if dossier.name.trim().is_empty() {
        "—"
    } else {
        dossier.name.trim()
    };
    out.push((1, format!("{name} — {}", referential.label.get(lang))));
    out.push((0, w.who.to_owned()));
    if let Some(official) = crate::territory::current_official(&dossier.identity) {
        out.push((0, crate::territory::official_line(official, lang)));
    }
    out.push((
        0,
        format!("{}{c}{}", w.verdict, evaluation.verdict.label(lang)),
    ));
    out.push((
        0,
        format!("{}{c}{} / 100", w.score, evaluation.weighted_score),
    ));
    if let Some(weakest) = evaluation.weakest_criterion() {
        out.push((
            0,
            format!(
                "{}{c}{} ({} / 100, {})",
                w.weakest,
                weakest.label,
                weakest.score,
                weakest.level.label(lang)
            ),
        ));
    }
    if !evaluation.blocking.is_empty() {
        out.push((2, w.blocking.to_owned()));
        for blocking in &evaluation.blocking {
            out.push((3, blocking.label(lang).to_owned()));
        }
    }
    out.push((2, w.criteria.to_owned()));
    for criterion in &evaluation.criteria {
        out.push((
            3,
            format!(
                "{} — {} / 100, {} ({} {})",
                criterion.label,
                criterion.score,
                criterion.level.label(lang),
                match lang {
                    Lang::Fr => "poids",
                    Lang::En => "weight",
                },
                criterion.weight
            ),
        ));
        for indicator in &criterion.indicators {
            out.push((
                4,
                format!(
                    "{} {} — {}",
                    level_mark(indicator.level),
                    indicator.label,
                    indicator.explanation
                ),
            ));
        }
    }
    out.push((2, w.funding.to_owned()));
    let funding = &evaluation.funding;
    let call = funding.call.call();
    out.push((3, format!("{}{c}{}", w.call, call.name.get(lang))));
    out.push((
        3,
        format!("{}{c}{}", w.ami, bounds_text(&funding.ami_bounds, lang)),
    ));
    let source_line = |source: &crate::funding::SourceEligibility| {
        format!(
            "{}{c}{} — {} ({})",
            source.source.label(lang),
            source.eligibility.label(lang),
            source.reason,
            public_aid_note(source.source).get(lang)
        )
    };
    for source in funding.asked() {
        out.push((
            3,
            format!(
                "{} ({})",
                source_line(source),
                Local(source.requested, lang)
            ),
        ));
    }
    for item in &funding.items {
        let name = item_name(item.index, &item.label, lang);
        out.push((3, format!("{name}{c}{}", item_plan_text(item, lang))));
        out.push((4, format!("{} — {}", w.ceiling, ceiling_text(item, lang))));
    }
    if funding.items.len() > 1 {
        let totals = funding.totals();
        out.push((
            3,
            match lang {
                Lang::Fr => format!(
                    "Total des investissements : coût {} ; financé {} ; reste à financer {} ; au-delà du coût {}",
                    totals.cost, totals.financed, totals.remaining, totals.over_financed
                ),
                Lang::En => format!(
                    "All investments: cost {}; financed {}; still to finance {}; beyond the cost {}",
                    Local(totals.cost, lang),
                    Local(totals.financed, lang),
                    Local(totals.remaining, lang),
                    Local(totals.over_financed, lang)
                ),
            },
        ));
    }
    if funding.not_asked().next().is_some() {
        out.push((3, w.not_asked.to_owned()));
        for source in funding.not_asked() {
            out.push((4, source_line(source)));
        }
    }
    out.push((2, w.finances.to_owned()));
    let f = &evaluation.finances;
    let share = |p: Option<crate::units::Percent>| {
        p.map_or_else(|| "—".to_owned(), |p| Local(p, lang).to_string())
    };
    let balance = crate::finance::balance_text(f, lang);
    let fte_per_year = f
        .fte_funded
        .map(|fte| Local(fte, lang).to_string())
        .join(" · ");
    match lang {
        Lang::Fr => {
            out.push((
                3,
                format!(
                    "Part des recettes propres sur les années de la subvention : {} (repère des enquêtes : {})",
                    share(f.own_revenue_share),
                    f.own_revenue_benchmark
                ),
            ));
            out.push((
                3,
                format!(
                    "Dépendance à l'AMI sur les années de la subvention : {}",
                    share(f.ami_dependence)
                ),
            ));
            out.push((
                3,
                format!(
                    "Solde de l'année {} (après la subvention), sans l'AMI : {balance}",
                    f.after_grant_year + 1,
                ),
            ));
            out.push((3, format!("ETP financés par an : {fte_per_year}")));
        }
        Lang::En => {
            out.push((
                3,
                format!(
                    "Own-revenue share over the grant's years: {} (survey benchmark: {})",
                    share(f.own_revenue_share),
                    Local(f.own_revenue_benchmark, lang)
                ),
            ));
            out.push((
                3,
                format!(
                    "Dependence on the AMI over the grant's years: {}",
                    share(f.ami_dependence)
                ),
            ));
            out.push((
                3,
                format!(
                    "Balance of year {} (after the grant), without the AMI: {balance}",
                    f.after_grant_year + 1,
                ),
            ));
            out.push((3, format!("FTE funded per year: {fte_per_year}")));
        }
    }
    if !dossier.staff.is_empty() {
        out.push((2, w.staff.to_owned()));
        for position in &dossier.staff {
            out.push((3, position_line(position, lang)));
        }
    }
    out.push((2, w.actions.to_owned()));
    for (rank, action) in evaluation.actions.iter().enumerate() {
        let why = action.why(lang);
        let step = action
            .step
            .map(|step| format!(" — {}", step.label(lang)))
            .unwrap_or_default();
        out.push((5, format!("{}. {} ({why}{step})", rank + 1, action.text)));
    }
    out.push((2, w.sources.to_owned()));
    out.push((
        3,
        format!("{}{c}{}", call.name.get(lang), call.source.get(lang)),
    ));
    for source in referential.rules.values() {
        out.push((3, source.reference.get(lang).to_string()));
    }
    out.push((0, w.ours.to_owned()));
    out
}

/// The evaluation as plain text.
pub fn text(
    dossier: &Dossier,
    evaluation: &Evaluation,
    referential: &Referential,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for (kind, line) in lines(dossier, evaluation, referential, lang) {
        let _ = match kind {
            1 => writeln!(out, "{line}\n{}", "=".repeat(line.chars().count())),
            2 => writeln!(out, "\n{line}\n{}", "-".repeat(line.chars().count())),
            3 => writeln!(out, "  - {line}"),
            4 => writeln!(out, "      {line}"),
            5 => writeln!(out, "  {line}"),
            _ => writeln!(out, "{line}"),
        };
    }
    out
}

/// Escapes what Markdown would read as formatting or structure, so that a dossier's text
/// (which may come from a received link) is shown as it was typed and can add nothing to
/// the document: emphasis, links, images, HTML, tables, headings, lists, quotes and
/// autolinks (`https://…`, `www.…`, e-mail addresses) are escaped, and a line break inside
/// a text becomes a space, so that no text starts a block of its own.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    // A text that begins like a list item, a setext underline or an ordered item.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let block_start = if matches!(chars.first(), Some('-' | '+' | '=')) {
        Some(0)
    } else if digits > 0 && matches!(chars.get(digits), Some('.' | ')')) {
        Some(digits)
    } else {
        None
    };
    for (index, &character) in chars.iter().enumerate() {
        if character == '\n' || character == '\r' {
            escaped.push(' ');
            continue;
        }
        let autolink = match character {
            ':' => chars.get(index + 1) == Some(&'/') && chars.get(index + 2) == Some(&'/'),
            '.' => {
                index >= 3
                    && chars[index - 3..index]
                        .iter()
                        .collect::<String>()
                        .eq_ignore_ascii_case("www")
            }
            '@' => true,
            _ => false,
        };
        if autolink
            || block_start == Some(index)
            || matches!(
                character,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~'
            )
        {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

/// The evaluation as Markdown.
pub fn markdown(
    dossier: &Dossier,
    evaluation: &Evaluation,
    referential: &Referential,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for (kind, line) in lines(dossier, evaluation, referential, lang) {
        let line = escape_markdown(&line);
        let _ = match kind {
            1 => writeln!(out, "# {line}\n"),
            2 => writeln!(out, "\n## {line}\n"),
            3 => writeln!(out, "- {line}"),
            4 => writeln!(out, "    - {line}"),
            5 => writeln!(out, "{line}"),
            _ => writeln!(out, "{line}\n"),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn a_text_cannot_change_the_markdown_around_it() {
        let cases = [
            (
                "[Cliquez](javascript:alert(1))",
                "\\[Cliquez\\](javascript:alert(1))",
            ),
            (
                "<img src=x onerror=alert(1)>",
                "\\<img src=x onerror=alert(1)\\>",
            ),
            ("Ligne\n# Titre injecté", "Ligne \\# Titre injecté"),
            ("voir https://exemple.fr", "voir https\\://exemple.fr"),
            ("www.exemple.fr", "www\\.exemple.fr"),
            ("ecrire@exemple.fr", "ecrire\\@exemple.fr"),
            ("- pas une liste", "\\- pas une liste"),
            ("=====", "\\====="),
            ("1. pas une liste", "1\\. pas une liste"),
            ("&amp; ~~barré~~", "\\&amp; \\~\\~barré\\~\\~"),
            ("Le Moulin, 1 234,50 €. Fin.", "Le Moulin, 1 234,50 €. Fin."),
        ];
        for (text, expected) in cases {
            assert_eq!(escape_markdown(text), expected, "{text}");
        }
    }
}

//! Reports of an evaluation as text: plain text for a terminal, Markdown for a document.
//! Both say the verdict, the weakest criterion, the funding flags and the action plan, and
//! name the rules' sources, so a reader can argue with every figure.

use crate::dossier::{Dossier, FundingSource};
use crate::evaluation::{Evaluation, Level};
use crate::funding::{CeilingCheck, Eligibility};
use crate::referential::{Lang, Referential};
use std::fmt::Write as _;

/// A funding source's name.
pub fn source_name(source: FundingSource, lang: Lang) -> &'static str {
    match (source, lang) {
        (FundingSource::Ami, Lang::Fr) => "AMI Fabriques de territoire",
        (FundingSource::Ami, Lang::En) => "Fabriques de territoire AMI",
        (FundingSource::Detr, _) => "DETR",
        (FundingSource::Dsil, _) => "DSIL",
        (FundingSource::Region, Lang::Fr) => "Région",
        (FundingSource::Region, Lang::En) => "Region",
        (FundingSource::Departement, Lang::Fr) => "Département",
        (FundingSource::Departement, Lang::En) => "Département",
        (FundingSource::AnruAmundi, _) => "Fonds tiers-lieux ANRU + Amundi",
        (FundingSource::ActionLogement, _) => "Action Logement",
        (FundingSource::Own, Lang::Fr) => "Fonds propres",
        (FundingSource::Own, Lang::En) => "Own funds",
        (FundingSource::Private, Lang::Fr) => "Mécénat et fonds privés",
        (FundingSource::Private, Lang::En) => "Sponsorship and private funds",
    }
}

fn eligibility_name(eligibility: Eligibility, lang: Lang) -> &'static str {
    match (eligibility, lang) {
        (Eligibility::Eligible, Lang::Fr) => "éligible",
        (Eligibility::NotEligible, Lang::Fr) => "non éligible",
        (Eligibility::ToCheck, Lang::Fr) => "à vérifier",
        (Eligibility::Eligible, Lang::En) => "eligible",
        (Eligibility::NotEligible, Lang::En) => "not eligible",
        (Eligibility::ToCheck, Lang::En) => "to check",
    }
}

fn level_mark(level: Level) -> &'static str {
    match level {
        Level::Met => "✔",
        Level::Partial => "◐",
        Level::Missing => "✘",
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
    ceiling: &'static str,
    ami: &'static str,
    finances: &'static str,
    actions: &'static str,
    sources: &'static str,
    ours: &'static str,
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
            ceiling: "Plafond de 80 % d'aides publiques (CGCT art. L1111-10)",
            ami: "Montants de l'AMI",
            finances: "Chiffres du budget",
            actions: "Plan d'action",
            sources: "Sources des règles",
            ours: "Les pondérations, seuils et niveaux sont des choix de Fabrique : aucune pondération officielle n'est publiée.",
        },
        Lang::En => Words {
            verdict: "Verdict",
            score: "Weighted score",
            weakest: "Weakest criterion",
            blocking: "Blocking conditions",
            criteria: "Criteria",
            funding: "Funding",
            ceiling: "80 % public-aid ceiling (CGCT art. L1111-10)",
            ami: "AMI amounts",
            finances: "Budget figures",
            actions: "Action plan",
            sources: "Sources of the rules",
            ours: "Weights, thresholds and levels are Fabrique's own choices: no official weighting is published.",
        },
    }
}

fn ceiling_line(ceiling: &CeilingCheck, lang: Lang) -> String {
    match (ceiling, lang) {
        (CeilingCheck::NotApplicable, Lang::Fr) => "sans objet : aucun investissement porté par une collectivité".to_owned(),
        (CeilingCheck::NotApplicable, Lang::En) => "not applicable: no investment owned by a collectivité".to_owned(),
        (CeilingCheck::Exempt { reason }, _) => reason.clone(),
        (CeilingCheck::Respected { public_aid_share }, Lang::Fr) => format!("respecté : {public_aid_share} d'aides publiques"),
        (CeilingCheck::Respected { public_aid_share }, Lang::En) => format!("respected: {public_aid_share} public aid"),
        (CeilingCheck::Exceeded { public_aid_share, missing_own_share }, Lang::Fr) => format!(
            "DÉPASSÉ : {public_aid_share} d'aides publiques ; le maître d'ouvrage doit apporter {missing_own_share} de plus"
        ),
        (CeilingCheck::Exceeded { public_aid_share, missing_own_share }, Lang::En) => format!(
            "EXCEEDED: {public_aid_share} public aid; the owner must bring {missing_own_share} more"
        ),
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
    let mut out = Vec::new();
    let name = if dossier.name.trim().is_empty() {
        "—"
    } else {
        dossier.name.trim()
    };
    out.push((1, format!("{name} — {}", referential.label.get(lang))));
    out.push((
        0,
        format!("{} : {}", w.verdict, evaluation.verdict.label(lang)),
    ));
    out.push((
        0,
        format!("{} : {} / 100", w.score, evaluation.weighted_score),
    ));
    if let Some(weakest) = evaluation.weakest_criterion() {
        out.push((
            0,
            format!(
                "{} : {} ({} / 100, {})",
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
    for source in &evaluation.funding.sources {
        out.push((
            3,
            format!(
                "{} : {} ({}) — {}",
                source_name(source.source, lang),
                eligibility_name(source.eligibility, lang),
                source.requested,
                source.reason
            ),
        ));
    }
    out.push((
        3,
        format!(
            "{} : {}",
            w.ceiling,
            ceiling_line(&evaluation.funding.ceiling, lang)
        ),
    ));
    let bounds = &evaluation.funding.ami_bounds;
    let ami_flags = match lang {
        Lang::Fr => format!(
            "{} sur 3 ans ({}), 50 000 € par an au plus ({}){}{}",
            bounds.total,
            if bounds.within_total_range {
                "entre 75 000 et 150 000 € : conforme"
            } else {
                "HORS de 75 000 à 150 000 €"
            },
            if bounds.within_yearly_cap {
                "respecté"
            } else {
                "DÉPASSÉ"
            },
            if bounds.grant_after_year_3 {
                " ; ATTENTION : subvention AMI inscrite en année 4"
            } else {
                ""
            },
            if evaluation.funding.ami_asked_for_investment {
                " ; ATTENTION : l'AMI finance le fonctionnement, pas l'investissement"
            } else {
                ""
            },
        ),
        Lang::En => format!(
            "{} over 3 years ({}), at most 50,000 € a year ({}){}{}",
            bounds.total,
            if bounds.within_total_range {
                "within 75,000–150,000 €"
            } else {
                "OUTSIDE 75,000–150,000 €"
            },
            if bounds.within_yearly_cap {
                "respected"
            } else {
                "EXCEEDED"
            },
            if bounds.grant_after_year_3 {
                "; WARNING: AMI grant in year 4"
            } else {
                ""
            },
            if evaluation.funding.ami_asked_for_investment {
                "; WARNING: the AMI funds operating costs, not investment"
            } else {
                ""
            },
        ),
    };
    out.push((3, format!("{} : {ami_flags}", w.ami)));
    out.push((2, w.finances.to_owned()));
    let f = &evaluation.finances;
    let share =
        |p: Option<crate::units::Percent>| p.map_or_else(|| "—".to_owned(), |p| p.to_string());
    match lang {
        Lang::Fr => {
            out.push((
                3,
                format!(
                    "Part des recettes propres sur 3 ans : {} (repère des enquêtes : {})",
                    share(f.own_revenue_share),
                    f.own_revenue_benchmark
                ),
            ));
            out.push((
                3,
                format!("Dépendance à l'AMI sur 3 ans : {}", share(f.ami_dependence)),
            ));
            out.push((
                3,
                format!(
                    "Solde de l'année 4 sans l'AMI : {}",
                    f.year4_balance_without_ami
                ),
            ));
            out.push((
                3,
                format!(
                    "ETP financés par an : {}",
                    f.fte_funded.map(|fte| fte.to_string()).join(" · ")
                ),
            ));
        }
        Lang::En => {
            out.push((
                3,
                format!(
                    "Own-revenue share over 3 years: {} (survey benchmark: {})",
                    share(f.own_revenue_share),
                    f.own_revenue_benchmark
                ),
            ));
            out.push((
                3,
                format!(
                    "Dependence on the AMI over 3 years: {}",
                    share(f.ami_dependence)
                ),
            ));
            out.push((
                3,
                format!(
                    "Year-4 balance without the AMI: {}",
                    f.year4_balance_without_ami
                ),
            ));
            out.push((
                3,
                format!(
                    "FTE funded per year: {}",
                    f.fte_funded.map(|fte| fte.to_string()).join(" · ")
                ),
            ));
        }
    }
    out.push((2, w.actions.to_owned()));
    for (rank, action) in evaluation.actions.iter().enumerate() {
        out.push((
            5,
            format!(
                "{}. {} (+{},{:02} pt)",
                rank + 1,
                action.text,
                action.gain_hundredths / 100,
                action.gain_hundredths % 100
            ),
        ));
    }
    out.push((2, w.sources.to_owned()));
    for source in referential.rules.values() {
        out.push((3, source.reference.to_string()));
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

/// Escapes the characters Markdown would read as formatting, so that a dossier's text is
/// shown as it was typed.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
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

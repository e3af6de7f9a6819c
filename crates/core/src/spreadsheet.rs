//! The budget and the funding plan as CSV for French spreadsheets: `;` between cells, a
//! decimal comma, no thousands separator, UTF-8 with a byte-order mark so that spreadsheet
//! programs read the accents right.

use crate::dossier::{Dossier, BUDGET_YEARS};
use crate::label::Label;
use crate::referential::Lang;
use crate::units::Cents;

const BOM: &str = "\u{feff}";

/// Whether a cell is a plain number (`-1234,50`), which a spreadsheet reads as a number.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// A cell, quoted when it holds a separator, a quote or a line break. A text that a
/// spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: a label from a received link may) is neutralised by a leading
/// apostrophe, the mark spreadsheets read as "this is text".
fn cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if formula || text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// An amount as a spreadsheet in the reader's language reads it: `1234,50` in French,
/// `1234.50` in English (no thousands separator in either).
fn amount(cents: Cents, fr: bool) -> String {
    let sign = if cents.0 < 0 { "-" } else { "" };
    let magnitude = cents.0.unsigned_abs();
    let point = if fr { ',' } else { '.' };
    format!("{sign}{}{point}{:02}", magnitude / 100, magnitude % 100)
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(";");
    line.push_str("\r\n");
    line
}

/// The 4-year operating budget: one row per line, with totals and the balance.
pub fn budget_csv(dossier: &Dossier, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let years: Vec<String> = (1..=BUDGET_YEARS)
        .map(|y| format!("{} {y}", if fr { "Année" } else { "Year" }))
        .collect();
    let mut out = String::from(BOM);
    let mut header = vec![
        if fr { "Type" } else { "Kind" }.to_owned(),
        if fr { "Nature" } else { "Category" }.to_owned(),
        if fr { "Libellé" } else { "Label" }.to_owned(),
    ];
    header.extend(years);
    out.push_str(&row(&header));
    let model = &dossier.economic_model;
    let mut revenue = [Cents::default(); BUDGET_YEARS];
    for line in &model.revenue {
        let mut cells = vec![
            if fr { "Recette" } else { "Revenue" }.to_owned(),
            line.source.label(lang).to_owned(),
            line.label.clone(),
        ];
        for (year, value) in line.years.iter().enumerate() {
            revenue[year] += *value;
            cells.push(amount(*value, fr));
        }
        out.push_str(&row(&cells));
    }
    let mut costs = [Cents::default(); BUDGET_YEARS];
    for line in &model.costs {
        let mut cells = vec![
            if fr { "Charge" } else { "Cost" }.to_owned(),
            line.kind.label(lang).to_owned(),
            line.label.clone(),
        ];
        for (year, value) in line.years.iter().enumerate() {
            costs[year] += *value;
            cells.push(amount(*value, fr));
        }
        out.push_str(&row(&cells));
    }
    let total = |label: &str, values: &[Cents; BUDGET_YEARS]| {
        let mut cells = vec![label.to_owned(), String::new(), String::new()];
        cells.extend(values.iter().map(|v| amount(*v, fr)));
        row(&cells)
    };
    out.push_str(&total(
        if fr {
            "Total des recettes"
        } else {
            "Total revenue"
        },
        &revenue,
    ));
    out.push_str(&total(
        if fr {
            "Total des charges"
        } else {
            "Total costs"
        },
        &costs,
    ));
    let balance: [Cents; BUDGET_YEARS] = std::array::from_fn(|year| revenue[year] - costs[year]);
    out.push_str(&total(if fr { "Solde" } else { "Balance" }, &balance));
    out
}

/// The investment plan: one row per funder of each item, the owner's share (computed when
/// no line gives it), what remains or is over-financed, and the L1111-10 check, in the
/// words of the funding view.
pub fn funding_plan_csv(dossier: &Dossier, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let report = crate::funding::funding(dossier, &crate::finance::finances(dossier), lang);
    let mut out = String::from(BOM);
    out.push_str(&row(&[
        if fr { "Investissement" } else { "Investment" }.to_owned(),
        if fr { "Maître d'ouvrage" } else { "Owner" }.to_owned(),
        if fr { "Coût" } else { "Cost" }.to_owned(),
        if fr { "Financeur" } else { "Funder" }.to_owned(),
        if fr { "Montant" } else { "Amount" }.to_owned(),
        "Note".to_owned(),
    ]));
    for (item, check) in dossier.investment.items.iter().zip(&report.items) {
        let owner = item.owner.label(lang).to_owned();
        let line = |funder: String, value: String, note: String| {
            row(&[
                item.label.clone(),
                owner.clone(),
                amount(check.cost, fr),
                funder,
                value,
                note,
            ])
        };
        for request in &item.funding {
            out.push_str(&line(
                request.source.label(lang).to_owned(),
                amount(request.amount, fr),
                crate::funding::public_aid_note(request.source)
                    .get(lang)
                    .to_owned(),
            ));
        }
        // The rows the plan computes: the owner's share when no line gives it, then what
        // remains or goes beyond the cost; each only when it is there.
        let computed = [
            (
                check.own_computed,
                check.own,
                (
                    "Part propre (ce qui reste du coût)",
                    "Own share (what remains of the cost)",
                ),
            ),
            (
                check.remaining.0 > 0,
                check.remaining,
                ("Reste à financer", "Still to finance"),
            ),
            (
                check.over_financed.0 > 0,
                check.over_financed,
                ("Financé au-delà du coût", "Financed beyond the cost"),
            ),
        ];
        for (shown, value, (french, english)) in computed {
            if shown {
                let label = if fr { french } else { english };
                out.push_str(&line(label.to_owned(), amount(value, fr), String::new()));
            }
        }
        out.push_str(&line(
            "CGCT L1111-10".to_owned(),
            String::new(),
            crate::funding::ceiling_text(check, lang),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{CostLine, RevenueLine, RevenueSource};

    #[test]
    fn the_budget_reads_in_a_french_spreadsheet() {
        let mut dossier = Dossier::default();
        dossier.economic_model.revenue = vec![RevenueLine {
            source: RevenueSource::Own,
            label: "Coworking; salles".to_owned(),
            years: [Cents(123_450), Cents(0), Cents(5), Cents(-100)],
        }];
        dossier.economic_model.costs = vec![CostLine {
            kind: crate::dossier::CostKind::Rent,
            label: "Loyer \"local\"".to_owned(),
            years: [Cents(100_000); 4],
        }];
        let csv = budget_csv(&dossier, Lang::Fr);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Type;Nature;Libellé;Année 1;Année 2;Année 3;Année 4"
        );
        assert_eq!(
            lines[1],
            "Recette;Recettes propres;\"Coworking; salles\";1234,50;0,00;0,05;-1,00"
        );
        assert_eq!(
            lines[2],
            "Charge;Loyer;\"Loyer \"\"local\"\"\";1000,00;1000,00;1000,00;1000,00"
        );
        assert_eq!(lines[5], "Solde;;;234,50;-1000,00;-999,95;-1001,00");
    }

    #[test]
    fn the_funding_plan_says_the_owner_s_share_and_the_rule() {
        use crate::dossier::{FundingRequest, FundingSource, InvestmentItem, InvestmentOwner};
        let mut dossier = Dossier::default();
        dossier.investment.items = vec![InvestmentItem {
            label: "Halle".to_owned(),
            cost: Cents::euros(120_000),
            owner: InvestmentOwner::Commune,
            funding: vec![FundingRequest {
                source: FundingSource::Detr,
                amount: Cents::euros(100_800),
            }],
            chef_de_file: false,
        }];
        let csv = funding_plan_csv(&dossier, Lang::Fr);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Investissement;Maître d'ouvrage;Coût;Financeur;Montant;Note"
        );
        assert!(lines[1].starts_with("Halle;La commune;120000,00;DETR;100800,00;"));
        assert_eq!(
            lines[2],
            "Halle;La commune;120000,00;Part propre (ce qui reste du coût);19200,00;"
        );
        // The note holds semicolons: it is quoted.
        assert!(lines[3].starts_with("Halle;La commune;120000,00;CGCT L1111-10;;\"DÉPASSÉ"));
        assert!(lines[3].contains("96\u{202f}000,00"), "{}", lines[3]);
        // An own line that leaves part of the cost unfinanced: what remains is a row.
        dossier.investment.items[0].funding.push(FundingRequest {
            source: FundingSource::Own,
            amount: Cents::euros(10_000),
        });
        let csv = funding_plan_csv(&dossier, Lang::Fr);
        assert!(
            csv.contains("Halle;La commune;120000,00;Reste à financer;9200,00;\r\n"),
            "{csv}"
        );
        assert!(!csv.contains("ce qui reste du coût"), "{csv}");
        dossier.investment.items[0].funding.pop();
        let english = funding_plan_csv(&dossier, Lang::En);
        // An English spreadsheet reads a decimal point.
        assert!(english.contains("Own share (what remains of the cost);19200.00"));
        assert!(english.contains("EXCEEDED"));
    }

    #[test]
    fn no_cell_can_run_as_a_formula() {
        for hostile in [
            "=HYPERLINK(\"https://exemple.fr\";\"Cliquez\")",
            "+1+1",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
        ] {
            let written = cell(hostile);
            let inside = written
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .expect("quoted");
            assert!(inside.starts_with('\''), "{written}");
        }
        for number in ["-1234,50", "12", "-0.50"] {
            assert_eq!(cell(number), number);
        }
        // Through the real export: a hostile label comes out as text.
        let mut dossier = Dossier::default();
        dossier
            .economic_model
            .revenue
            .push(crate::dossier::RevenueLine {
                label: "=HYPERLINK(\"https://exemple.fr\")".to_owned(),
                ..crate::dossier::RevenueLine::default()
            });
        let csv = budget_csv(&dossier, Lang::Fr);
        for line in csv.lines() {
            for field in line.split(';') {
                let field = field.trim_start_matches(['\u{feff}', '"']);
                assert!(!field.starts_with(['=', '+', '@']), "{line}");
            }
        }
        assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    }
}

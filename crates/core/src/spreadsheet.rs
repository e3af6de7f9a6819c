//! The budget and the funding plan as CSV for French spreadsheets: `;` between cells, a
//! decimal comma, no thousands separator, UTF-8 with a byte-order mark so that spreadsheet
//! programs read the accents right.

use crate::dossier::{Dossier, BUDGET_YEARS};
use crate::funding::Share;
use crate::label::Label;
use crate::referential::Lang;
use crate::units::{Cents, Local};

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

/// A share in tenths of a percent as a spreadsheet reads it: `80,4` in French, `80.4` in
/// English.
fn share_number(share: Share, fr: bool) -> String {
    let point = if fr { ',' } else { '.' };
    let sign = if share.0 < 0 { "-" } else { "" };
    let tenths = share.0.unsigned_abs();
    format!("{sign}{}{point}{}", tenths / 10, tenths % 10)
}

/// One cell of a table: the same value is written for a spreadsheet (a plain number) and
/// for a reader (`1 234,50 €`, `80,4 %`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Amount(Cents),
    /// A share in tenths of a percent, rounded down.
    Share(Share),
    /// A whole number (hours, a surface).
    Count(i64),
    Empty,
}

impl Cell {
    /// The cell for a spreadsheet in `lang`.
    fn csv(&self, fr: bool) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Amount(cents) => amount(*cents, fr),
            Cell::Share(share) => share_number(*share, fr),
            Cell::Count(count) => count.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// The cell for a reader in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Amount(cents) => Local(*cents, lang).to_string(),
            Cell::Share(share) => share.text(lang),
            Cell::Count(count) => Local(*count, lang).to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// A figure (right-aligned when shown).
    pub fn is_figure(&self) -> bool {
        matches!(self, Cell::Amount(_) | Cell::Share(_) | Cell::Count(_))
    }
}

/// A row: a line of the table, or a total (whose first cell names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub total: bool,
    pub cells: Vec<Cell>,
}

/// A table, the one source of a CSV export and of the same table in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table as CSV for a spreadsheet in `lang`, with its byte-order mark.
    pub fn csv(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let mut out = String::from(BOM);
        out.push_str(&row(&self.header));
        for line in &self.rows {
            let cells: Vec<String> = line.cells.iter().map(|c| c.csv(fr)).collect();
            out.push_str(&row(&cells));
        }
        out
    }

    /// Whether column `index` holds figures (any of its cells is one).
    pub fn is_figure_column(&self, index: usize) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.get(index).is_some_and(Cell::is_figure))
    }
}

/// The 4-year operating budget: one row per line, the totals, the balance and the share
/// of own revenue each year.
pub fn budget_table(dossier: &Dossier, lang: Lang) -> Table {
    let fr = lang == Lang::Fr;
    let words = |french: &str, english: &str| if fr { french } else { english }.to_owned();
    let mut header = vec![
        words("Type", "Kind"),
        words("Nature", "Category"),
        words("Libellé", "Label"),
    ];
    header.extend((1..=BUDGET_YEARS).map(|y| format!("{} {y}", words("Année", "Year"))));
    let line = |kind: String, category: &str, label: &str, years: &[Cents; BUDGET_YEARS]| {
        let mut cells = vec![
            Cell::Text(kind),
            Cell::Text(category.to_owned()),
            Cell::Text(label.to_owned()),
        ];
        cells.extend(years.iter().map(|v| Cell::Amount(*v)));
        Row {
            total: false,
            cells,
        }
    };
    let total = |label: String, cells: Vec<Cell>| {
        let mut all = vec![Cell::Text(label), Cell::Empty, Cell::Empty];
        all.extend(cells);
        Row {
            total: true,
            cells: all,
        }
    };
    let model = &dossier.economic_model;
    let figures = crate::finance::finances(dossier);
    let mut rows = Vec::new();
    for revenue in &model.revenue {
        rows.push(line(
            words("Recette", "Revenue"),
            revenue.source.label(lang),
            &revenue.label,
            &revenue.years,
        ));
    }
    for cost in &model.costs {
        rows.push(line(
            words("Charge", "Cost"),
            cost.kind.label(lang),
            &cost.label,
            &cost.years,
        ));
    }
    let amounts = |values: [Cents; BUDGET_YEARS]| values.iter().map(|v| Cell::Amount(*v)).collect();
    rows.push(total(
        words("Total des recettes", "Total revenue"),
        amounts(figures.revenue),
    ));
    rows.push(total(
        words("Total des charges", "Total costs"),
        amounts(figures.costs),
    ));
    let balance: [Cents; BUDGET_YEARS] =
        std::array::from_fn(|year| figures.revenue[year] - figures.costs[year]);
    rows.push(total(words("Solde", "Balance"), amounts(balance)));
    let shares = (0..BUDGET_YEARS)
        .map(|year| {
            if figures.revenue[year].0 > 0 {
                Cell::Share(Share::of(
                    figures.own_revenue[year],
                    figures.revenue[year],
                    100,
                ))
            } else {
                Cell::Empty
            }
        })
        .collect();
    rows.push(total(
        words("Part des recettes propres", "Own-revenue share"),
        shares,
    ));
    Table { header, rows }
}

/// The 4-year operating budget as CSV (see [`budget_table`]).
pub fn budget_csv(dossier: &Dossier, lang: Lang) -> String {
    budget_table(dossier, lang).csv(lang)
}

/// The investment plan: one row per funder of each item with its share of the cost, the
/// owner's share (computed when no line gives it), what remains or is over-financed, and
/// the L1111-10 check, in the words of the funding view.
pub fn funding_plan_table(dossier: &Dossier, lang: Lang) -> Table {
    let fr = lang == Lang::Fr;
    let words = |french: &str, english: &str| if fr { french } else { english }.to_owned();
    let report = crate::funding::funding(dossier, &crate::finance::finances(dossier), lang);
    let header = vec![
        words("Investissement", "Investment"),
        words("Maître d'ouvrage", "Owner"),
        words("Coût", "Cost"),
        words("Financeur", "Funder"),
        words("Montant", "Amount"),
        words("Part du coût (%)", "Share of the cost (%)"),
        "Note".to_owned(),
    ];
    let mut rows = Vec::new();
    for (item, check) in dossier.investment.items.iter().zip(&report.items) {
        let owner = item.owner.label(lang).to_owned();
        let line = |funder: String, value: Option<Cents>, note: String| {
            let (value, share) = match value {
                Some(value) => (
                    Cell::Amount(value),
                    if check.cost.0 > 0 {
                        Cell::Share(Share::of(value, check.cost, 100))
                    } else {
                        Cell::Empty
                    },
                ),
                None => (Cell::Empty, Cell::Empty),
            };
            Row {
                total: false,
                cells: vec![
                    Cell::Text(item.label.clone()),
                    Cell::Text(owner.clone()),
                    Cell::Amount(check.cost),
                    Cell::Text(funder),
                    value,
                    share,
                    Cell::Text(note),
                ],
            }
        };
        for request in &item.funding {
            rows.push(line(
                request.source.label(lang).to_owned(),
                Some(request.amount),
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
                rows.push(line(words(french, english), Some(value), String::new()));
            }
        }
        rows.push(line(
            "CGCT L1111-10".to_owned(),
            None,
            crate::funding::ceiling_text(check, lang),
        ));
    }
    Table { header, rows }
}

/// The investment plan as CSV (see [`funding_plan_table`]).
pub fn funding_plan_csv(dossier: &Dossier, lang: Lang) -> String {
    funding_plan_table(dossier, lang).csv(lang)
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
        // Own revenue over all revenue, each year that has revenue.
        assert_eq!(lines[6], "Part des recettes propres;;;100,0;;100,0;");
        // A negative own revenue (a refund) is a negative share, written as one.
        dossier.economic_model.revenue.push(RevenueLine {
            source: RevenueSource::OtherPublic,
            label: "Subvention".to_owned(),
            years: [Cents(0), Cents(1_000), Cents(0), Cents(0)],
        });
        dossier.economic_model.revenue[0].years[1] = Cents(-50);
        let csv = budget_csv(&dossier, Lang::Fr);
        assert!(
            csv.contains("Part des recettes propres;;;100,0;-5,2;100,0;\r\n"),
            "{csv}"
        );
        let shown = budget_table(&dossier, Lang::Fr)
            .rows
            .last()
            .map(|r| r.cells[4].text(Lang::Fr));
        assert_eq!(shown.as_deref(), Some("-5,2\u{a0}%"));
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
            "Investissement;Maître d'ouvrage;Coût;Financeur;Montant;Part du coût (%);Note"
        );
        assert!(lines[1].starts_with("Halle;La commune;120000,00;DETR;100800,00;84,0;"));
        assert_eq!(
            lines[2],
            "Halle;La commune;120000,00;Part propre (ce qui reste du coût);19200,00;16,0;"
        );
        // The note holds semicolons: it is quoted.
        assert!(lines[3].starts_with("Halle;La commune;120000,00;CGCT L1111-10;;;\"DÉPASSÉ"));
        assert!(lines[3].contains("96\u{202f}000,00"), "{}", lines[3]);
        // An own line that leaves part of the cost unfinanced: what remains is a row.
        dossier.investment.items[0].funding.push(FundingRequest {
            source: FundingSource::Own,
            amount: Cents::euros(10_000),
        });
        let csv = funding_plan_csv(&dossier, Lang::Fr);
        assert!(
            csv.contains("Halle;La commune;120000,00;Reste à financer;9200,00;7,6;\r\n"),
            "{csv}"
        );
        assert!(!csv.contains("ce qui reste du coût"), "{csv}");
        dossier.investment.items[0].funding.pop();
        let english = funding_plan_csv(&dossier, Lang::En);
        // An English spreadsheet reads a decimal point.
        assert!(english.contains("Own share (what remains of the cost);19200.00;16.0;"));
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

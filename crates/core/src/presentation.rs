//! The dossier de présentation: the project as a jury reads it, in the order of the call's
//! criteria, written from the dossier's own words and figures. It holds no score and no
//! verdict: Fabrique's assessment is the separate self-evaluation ([`crate::report`]).
//!
//! The document is data (parts of blocks), drawn by the app as HTML and written here as
//! Markdown, so both say the same; its budget and funding-plan tables are the very tables
//! the CSV exports write ([`crate::spreadsheet`]).

use crate::dossier::{ConsultationFormat, Dossier, Variant};
use crate::evaluation::Section;
use crate::label::Label;
use crate::referential::Lang;
use crate::report::{colon, escape_markdown, position_line};
use crate::spreadsheet::{budget_table, funding_plan_table, Cell, Row, Table};
use crate::units::Local;
use std::fmt::Write as _;

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The holder's own note on the section, as typed.
    Note(String),
    /// Facts, each a label and its value.
    Facts(Vec<(String, String)>),
    /// A heading inside a part.
    Subheading(String),
    List(Vec<String>),
    Paragraph(String),
    /// A table; `id` names it for the app (`budget`, `funding-plan`…).
    Table {
        id: &'static str,
        table: Table,
    },
}

/// One part of the document, answering one section of the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub section: Section,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// The project's name.
    pub name: String,
    /// "Dossier de présentation — {the call}".
    pub kind: String,
    /// Who holds it, and where.
    pub lines: Vec<String>,
    pub parts: Vec<Part>,
}

/// The mark of what a partner declared in a reply: anyone holding the share link can write
/// one, under any name.
pub fn unverified(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "déclaré par le partenaire, non vérifié",
        Lang::En => "declared by the partner, not verified",
    }
}

/// The document's words in one language.
struct Words(Lang);

impl Words {
    fn say(&self, french: &str, english: &str) -> String {
        match self.0 {
            Lang::Fr => french,
            Lang::En => english,
        }
        .to_owned()
    }

    fn yes_no(&self, value: bool) -> String {
        match value {
            true => self.say("oui", "yes"),
            false => self.say("non", "no"),
        }
    }

    fn count(&self, value: u32) -> String {
        Local(i64::from(value), self.0).to_string()
    }

    fn text(cell: &str) -> Cell {
        Cell::Text(cell.trim().to_owned())
    }
}

/// Keeps the facts that are answered (a value that is not empty).
fn answered(facts: Vec<(String, String)>) -> Block {
    Block::Facts(
        facts
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect(),
    )
}

fn joined(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The order of the parts: the call's criteria, then the budget, the investment and the
/// collectivité (the workshop of a Manufacture after its services).
const ORDER: [Section; 11] = [
    Section::Identity,
    Section::Governance,
    Section::Partners,
    Section::Need,
    Section::Services,
    Section::Production,
    Section::EconomicModel,
    Section::Staff,
    Section::Budget,
    Section::Investment,
    Section::Collectivite,
];

/// The dossier de présentation of a dossier.
pub fn presentation(dossier: &Dossier, lang: Lang) -> Presentation {
    let w = Words(lang);
    let identity = &dossier.identity;
    let holder = joined(
        &[
            identity
                .holder_kind
                .map(|k| k.label(lang))
                .unwrap_or_default(),
            &identity.holder_name,
        ],
        " — ",
    );
    let place = joined(&[&identity.commune, &identity.epci], " · ");
    let variant = dossier.variant();
    let parts = ORDER
        .iter()
        .filter(|section| section.applies_to(variant))
        .map(|&section| {
            let mut blocks: Vec<Block> = dossier
                .notes
                .get(&section)
                .filter(|note| !note.trim().is_empty())
                .map(|note| Block::Note(note.trim().to_owned()))
                .into_iter()
                .collect();
            blocks.extend(part_blocks(dossier, section, &w));
            blocks.retain(|b| !is_empty(b));
            if blocks.is_empty() {
                blocks.push(Block::Paragraph(w.say("Non renseigné.", "Not filled in.")));
            }
            Part {
                section,
                title: title(section, variant, &w),
                blocks,
            }
        })
        .collect();
    Presentation {
        name: dossier.name.trim().to_owned(),
        kind: format!(
            "{} — {}",
            w.say("Dossier de présentation", "Project presentation"),
            dossier.call.call().name.get(lang)
        ),
        lines: [holder, place]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect(),
        parts,
    }
}

/// A block with nothing to say.
fn is_empty(block: &Block) -> bool {
    match block {
        Block::Note(text) | Block::Subheading(text) | Block::Paragraph(text) => {
            text.trim().is_empty()
        }
        Block::Facts(facts) => facts.is_empty(),
        Block::List(items) => items.is_empty(),
        Block::Table { table, .. } => table.rows.is_empty(),
    }
}

/// A part's title.
fn title(section: Section, variant: Variant, w: &Words) -> String {
    match section {
        Section::Identity => w.say(
            "Le projet et son territoire",
            "The project and its territory",
        ),
        Section::Governance => w.say(
            "Le collectif et sa gouvernance",
            "The collective and its governance",
        ),
        Section::Partners => w.say(
            "Les partenaires et leurs engagements",
            "The partners and their commitments",
        ),
        Section::Need => w.say(
            "Le besoin du territoire et comment il a été établi",
            "The territory's need and how it was established",
        ),
        Section::Services if variant == Variant::ManufactureDeProximite => {
            w.say("Les services", "The services")
        }
        Section::Services => w.say("Les services numériques", "The digital services"),
        Section::Production => w.say(
            "L'atelier de production partagé",
            "The shared production workshop",
        ),
        Section::EconomicModel => w.say("Le modèle économique", "The economic model"),
        Section::Staff => w.say(
            "L'équipe et le financement des postes",
            "The team and how each position is funded",
        ),
        Section::Budget => w.say("Le budget de fonctionnement", "The operating budget"),
        Section::Investment => w.say(
            "Le plan de financement de l'investissement",
            "The investment funding plan",
        ),
        Section::Collectivite => w.say("Le rôle de la collectivité", "The collectivité's role"),
    }
}

/// A table of plain rows.
fn table(header: Vec<String>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        header,
        rows: rows
            .into_iter()
            .map(|cells| Row {
                total: false,
                cells,
            })
            .collect(),
    }
}

/// A heading and its list, when the list has something.
fn titled(heading: String, items: Vec<String>) -> [Block; 2] {
    if items.is_empty() {
        [Block::Subheading(String::new()), Block::List(items)]
    } else {
        [Block::Subheading(heading), Block::List(items)]
    }
}

/// The texts of a list, trimmed, without the empty ones.
fn texts(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect()
}

fn part_blocks(dossier: &Dossier, section: Section, w: &Words) -> Vec<Block> {
    match section {
        Section::Identity => identity(dossier, w),
        Section::Governance => governance(dossier, w),
        Section::Partners => partners(dossier, w),
        Section::Need => need(dossier, w),
        Section::Services => services(dossier, w),
        Section::Production => production(dossier, w),
        Section::EconomicModel => economic_model(dossier, w),
        Section::Staff => vec![Block::List(
            dossier
                .staff
                .iter()
                .map(|p| position_line(p, w.0))
                .collect(),
        )],
        Section::Budget => budget(dossier, w),
        Section::Investment => investment(dossier, w),
        Section::Collectivite => collectivite(dossier, w),
    }
}

fn identity(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let id = &dossier.identity;
    let population = |name: &str, people: Option<u32>| match people {
        Some(people) if !name.trim().is_empty() => match lang {
            Lang::Fr => format!("{} ({} habitants)", name.trim(), w.count(people)),
            Lang::En => format!("{} ({} inhabitants)", name.trim(), w.count(people)),
        },
        _ => name.trim().to_owned(),
    };
    let qpv = if id.in_qpv {
        w.say(
            "en quartier prioritaire de la politique de la ville (QPV)",
            "in a priority neighbourhood (QPV)",
        )
    } else if id.next_to_qpv {
        w.say(
            "à proximité d'un quartier prioritaire (QPV)",
            "beside a priority neighbourhood (QPV)",
        )
    } else {
        String::new()
    };
    let frr = if id.frr_zone == Some(true) {
        w.say(
            "zone France Ruralités Revitalisation",
            "France Ruralités Revitalisation zone",
        )
    } else {
        String::new()
    };
    let territory = joined(
        &[
            id.territory.map(|t| t.label(lang)).unwrap_or_default(),
            id.region.label(lang),
            &qpv,
            &frr,
        ],
        ", ",
    );
    let opening = match (id.already_open, id.opening_date) {
        (true, Some(date)) => format!("{} {date}", w.say("ouvert depuis le", "open since")),
        (true, None) => w.say("déjà ouvert", "already open"),
        (false, Some(date)) => format!(
            "{} {date}",
            w.say("ouverture prévue le", "opening planned on")
        ),
        (false, None) => w.say("en projet", "in preparation"),
    };
    let mut facts = vec![
        (
            w.say("Porteur", "Holder"),
            joined(
                &[
                    &id.holder_name,
                    id.holder_kind.map(|k| k.label(lang)).unwrap_or_default(),
                    id.legal_status.map(|s| s.label(lang)).unwrap_or_default(),
                ],
                ", ",
            ),
        ),
        (
            w.say("Chef de file", "Lead member"),
            id.lead_member.trim().to_owned(),
        ),
        (
            w.say("Commune", "Commune"),
            population(&id.commune, id.commune_population),
        ),
        (
            w.say("Intercommunalité", "Intercommunality"),
            population(&id.epci, id.epci_population),
        ),
        (w.say("Territoire", "Territory"), territory),
        (w.say("Le lieu", "The place"), opening),
        (
            w.say("Appel visé", "Call"),
            dossier.call.call().name.get(lang).to_owned(),
        ),
    ];
    if let Some(official) = crate::territory::current_official(id) {
        facts.push((
            w.say("Données officielles", "Official data"),
            crate::territory::official_line(official, lang),
        ));
    }
    vec![answered(facts)]
}

fn governance(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let g = &dossier.governance;
    let meetings = match (g.decision_body_meetings_per_year, lang) {
        (0, _) => String::new(),
        (n, Lang::Fr) => format!("{} réunions par an", w.count(n)),
        (n, Lang::En) => format!("{} meetings a year", w.count(n)),
    };
    let members: Vec<String> = g
        .members
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .map(|m| {
            let role = joined(&[&m.role, m.category.label(lang)], ", ");
            format!("{} ({role})", m.name.trim())
        })
        .collect();
    let [heading, list] = titled(
        w.say("Membres du collectif", "Members of the collective"),
        members,
    );
    vec![
        answered(vec![
            (
                w.say("Statuts ou charte", "Statutes or charter"),
                w.yes_no(g.has_statutes_or_charter),
            ),
            (
                w.say("Instance de décision", "Decision body"),
                joined(&[&g.decision_body, &meetings], ", "),
            ),
            (
                w.say(
                    "Les usagers participent aux décisions",
                    "Users take part in decisions",
                ),
                w.yes_no(g.users_take_part_in_decisions),
            ),
            (
                w.say("Assemblée générale", "General assembly"),
                w.yes_no(g.general_assembly),
            ),
            (
                w.say("Animation", "Animation"),
                g.animator.trim().to_owned(),
            ),
        ]),
        heading,
        list,
    ]
}

fn partners(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let rows = dossier
        .partners
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| {
            let name = if p.declared_by_partner {
                format!("{} ({})", p.name.trim(), unverified(lang))
            } else {
                p.name.trim().to_owned()
            };
            let money = p
                .financial_amount
                .map(|a| format!("{} {}", Local(a, lang), p.amount_period.label(lang)))
                .unwrap_or_default();
            let other = [
                p.in_kind.then(|| w.say("en nature", "in kind")),
                p.governance_seat
                    .then(|| w.say("siège dans la gouvernance", "a seat in the governance")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            vec![
                Cell::Text(name),
                Cell::Text(p.category.label(lang).to_owned()),
                Cell::Text(w.yes_no(p.letter_of_support)),
                Cell::Text(money),
                Cell::Text(other),
            ]
        })
        .collect();
    vec![Block::Table {
        id: "partners",
        table: table(
            vec![
                w.say("Partenaire", "Partner"),
                w.say("Catégorie", "Category"),
                w.say("Lettre de soutien", "Letter of support"),
                w.say("Apport financier", "Financial contribution"),
                w.say("Autres apports", "Other contributions"),
            ],
            rows,
        ),
    }]
}

fn need(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let need = &dossier.need;
    let consultations: Vec<String> = need
        .consultations
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            let actor = c.actor.label(lang);
            let count = w.count(c.count);
            match (c.format, lang) {
                (ConsultationFormat::Interviews, Lang::Fr) => {
                    format!("{count} entretiens — {actor}")
                }
                (ConsultationFormat::Interviews, Lang::En) => {
                    format!("{count} interviews — {actor}")
                }
                (ConsultationFormat::PublicMeetings, Lang::Fr) => format!(
                    "{count} réunions publiques — {actor} ({} participants)",
                    w.count(c.attendance)
                ),
                (ConsultationFormat::PublicMeetings, Lang::En) => format!(
                    "{count} public meetings — {actor} ({} attending)",
                    w.count(c.attendance)
                ),
            }
        })
        .collect();
    let tensions: Vec<String> = if need.no_tension_found {
        vec![joined(
            &[
                &w.say("Aucune tension relevée", "No tension found"),
                &need.no_tension_how,
            ],
            colon(lang),
        )]
    } else {
        need.tensions
            .iter()
            .filter(|t| !t.description.trim().is_empty())
            .map(|t| {
                if t.mitigation.trim().is_empty() {
                    t.description.trim().to_owned()
                } else {
                    format!(
                        "{} — {}{}{}",
                        t.description.trim(),
                        w.say("réponse", "answer"),
                        colon(lang),
                        t.mitigation.trim()
                    )
                }
            })
            .collect()
    };
    let test = if need.visitors_per_year > 0 {
        match lang {
            Lang::Fr => format!(
                "Lieu ouvert : {} personnes accueillies sur la dernière année.",
                w.count(need.visitors_per_year)
            ),
            Lang::En => format!(
                "An open place: {} people welcomed over the last year.",
                w.count(need.visitors_per_year)
            ),
        }
    } else if need.test_weeks > 0 {
        match lang {
            Lang::Fr => format!(
                "Offre testée pendant {} semaines : {} participants, {} visites.",
                w.count(need.test_weeks),
                w.count(need.test_participants),
                w.count(need.test_visits)
            ),
            Lang::En => format!(
                "Offer tested for {} weeks: {} participants, {} visits.",
                w.count(need.test_weeks),
                w.count(need.test_participants),
                w.count(need.test_visits)
            ),
        }
    } else {
        w.say(
            "L'offre n'a pas encore été testée.",
            "The offer has not been tested yet.",
        )
    };
    let mut blocks = Vec::new();
    blocks.extend(titled(w.say("Concertation", "Consultation"), consultations));
    blocks.extend(titled(
        w.say("Panorama des structures existantes", "Existing structures"),
        texts(&need.existing_structures),
    ));
    blocks.extend(titled(
        w.say("Besoins non couverts", "Unmet needs"),
        texts(&need.unmet_needs),
    ));
    blocks.extend(titled(
        w.say("Tensions et réponses", "Tensions and answers"),
        tensions,
    ));
    blocks.extend(titled(
        w.say("Réseaux rejoints", "Networks joined"),
        texts(&need.networks),
    ));
    blocks.push(Block::Subheading(
        w.say("Test de l'offre", "Test of the offer"),
    ));
    blocks.push(Block::Paragraph(test));
    blocks
}

fn services(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let rows = dossier
        .services
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.kind.label(w.0).to_owned()),
                Words::text(&s.description),
                Cell::Count(i64::from(s.weekly_hours)),
            ]
        })
        .collect();
    vec![Block::Table {
        id: "services",
        table: table(
            vec![
                w.say("Service", "Service"),
                w.say("Description et public", "Description and public"),
                w.say("Heures par semaine", "Hours a week"),
            ],
            rows,
        ),
    }]
}

fn production(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let p = &dossier.production;
    let [heading, list] = titled(
        w.say("Parc de machines partagé", "Shared machine park"),
        texts(&p.machines),
    );
    vec![
        answered(vec![
            (
                w.say(
                    "Locaux adaptés à l'activité",
                    "Premises suited to the activity",
                ),
                joined(
                    &[&w.yes_no(p.premises_suited), &p.premises_description],
                    " — ",
                ),
            ),
            (
                w.say("Stratégie de ressources humaines", "HR strategy"),
                p.hr_strategy.trim().to_owned(),
            ),
            (
                w.say("Professionnels utilisateurs", "Professional users"),
                w.count(p.professional_users),
            ),
            (
                w.say("Formations par an", "Trainings a year"),
                w.count(p.trainings_per_year),
            ),
        ]),
        heading,
        list,
    ]
}

fn economic_model(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let model = &dossier.economic_model;
    let prices = table(
        vec![
            w.say("Public", "Public"),
            w.say("Offre", "Offer"),
            w.say("Prix", "Price"),
            w.say("Unité", "Unit"),
        ],
        model
            .prices
            .iter()
            .map(|p| {
                vec![
                    Words::text(&p.public),
                    Words::text(&p.offer),
                    Cell::Amount(p.price),
                    Words::text(&p.unit),
                ]
            })
            .collect(),
    );
    let spaces = table(
        vec![
            w.say("Espace", "Space"),
            w.say("Surface (m²)", "Area (m²)"),
            w.say("Loyer annuel", "Yearly rent"),
            w.say("Compris dans un forfait", "Within a package"),
        ],
        model
            .rentable_spaces
            .iter()
            .map(|s| {
                vec![
                    Words::text(&s.name),
                    Cell::Count(i64::from(s.surface_m2)),
                    Cell::Amount(s.yearly_rent),
                    Cell::Text(w.yes_no(s.in_global_package)),
                ]
            })
            .collect(),
    );
    let events: Vec<String> = model
        .events
        .iter()
        .filter(|e| e.per_month > 0)
        .map(|e| match lang {
            Lang::Fr => format!("{} : {} par mois", e.kind.label(lang), w.count(e.per_month)),
            Lang::En => format!("{}: {} a month", e.kind.label(lang), w.count(e.per_month)),
        })
        .collect();
    let mut blocks = Vec::new();
    for (heading, id, table) in [
        (w.say("Grille tarifaire", "Price grid"), "prices", prices),
        (w.say("Espaces à louer", "Spaces to rent"), "spaces", spaces),
    ] {
        if !table.rows.is_empty() {
            blocks.push(Block::Subheading(heading));
            blocks.push(Block::Table { id, table });
        }
    }
    blocks.extend(titled(
        w.say("Vie de la communauté", "Community life"),
        events,
    ));
    blocks
}

fn budget(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let model = &dossier.economic_model;
    if model.revenue.is_empty() && model.costs.is_empty() {
        return Vec::new();
    }
    let figures = crate::finance::finances(dossier);
    let years = match (figures.grant_years, w.0) {
        (1, Lang::Fr) => "Année 1 : l'année de la subvention de l'appel".to_owned(),
        (1, Lang::En) => "Year 1: the year of the call's grant".to_owned(),
        (n, Lang::Fr) => format!("Années 1 à {n} : les années de la subvention de l'appel"),
        (n, Lang::En) => format!("Years 1 to {n}: the years of the call's grant"),
    };
    let after = match w.0 {
        Lang::Fr => format!(
            " ; année {} : l'année qui la suit.",
            figures.after_grant_year + 1
        ),
        Lang::En => format!(
            "; year {}: the year after it.",
            figures.after_grant_year + 1
        ),
    };
    vec![
        Block::Paragraph(format!("{years}{after}")),
        Block::Table {
            id: "budget",
            table: budget_table(dossier, w.0),
        },
    ]
}

fn investment(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let lang = w.0;
    let plan = &dossier.investment;
    let mut blocks = vec![Block::Table {
        id: "funding-plan",
        table: funding_plan_table(dossier, lang),
    }];
    if let Some(exception) = plan.exception {
        blocks.push(Block::Paragraph(format!(
            "{}{}{}",
            w.say(
                "Exception à la part minimale du maître d'ouvrage invoquée",
                "Exception to the owner's minimum share invoked",
            ),
            colon(lang),
            exception.label(lang)
        )));
    }
    blocks.extend(titled(
        w.say("Thématiques DSIL", "DSIL themes"),
        plan.dsil_themes
            .iter()
            .map(|t| t.label(lang).to_owned())
            .collect(),
    ));
    blocks
}

fn collectivite(dossier: &Dossier, w: &Words) -> Vec<Block> {
    let role = &dossier.collectivite_role;
    let said = [
        (
            role.builds_networks,
            "Elle aide à construire les réseaux du lieu et à informer le public.",
            "It helps build the place's networks and inform the public.",
        ),
        (
            role.engineering_support,
            "Elle apporte son ingénierie de projet et cherche avec le porteur les leviers de financement.",
            "It brings its project engineering and looks for funding levers with the holder.",
        ),
        (
            role.provides_premises,
            "Elle met des locaux communaux à la disposition du lieu.",
            "It lends communal premises to the place.",
        ),
        (
            role.staged_funding,
            "Elle apporte une aide financière échelonnée dans le temps.",
            "It gives financial help spread over time.",
        ),
        (
            role.funding_agreement,
            "Cette aide est encadrée par une convention, avec des objectifs et une évaluation.",
            "This help comes with an agreement, objectives and an evaluation.",
        ),
        (
            role.territorial_governance,
            "Elle associe le lieu aux instances de gouvernance du territoire (emploi, PTCE).",
            "It brings the place into the territory's governance bodies (employment, PTCE).",
        ),
    ];
    vec![Block::List(
        said.iter()
            .filter(|(done, _, _)| *done)
            .map(|(_, french, english)| w.say(french, english))
            .collect(),
    )]
}

/// The document as Markdown: every text escaped (a dossier's text may come from a link),
/// the tables as pipe tables with their figures right-aligned.
pub fn markdown(presentation: &Presentation, lang: Lang) -> String {
    let mut out = String::new();
    let name = if presentation.name.is_empty() {
        "—"
    } else {
        &presentation.name
    };
    let _ = writeln!(out, "# {}\n", escape_markdown(name));
    let _ = writeln!(out, "*{}*\n", escape_markdown(&presentation.kind));
    for line in &presentation.lines {
        let _ = writeln!(out, "{}  ", escape_markdown(line));
    }
    for part in &presentation.parts {
        let _ = writeln!(out, "\n## {}\n", escape_markdown(&part.title));
        for block in &part.blocks {
            match block {
                Block::Note(text) => {
                    let _ = writeln!(out, "> {}\n", escape_markdown(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "{}\n", escape_markdown(text));
                }
                Block::Subheading(text) => {
                    let _ = writeln!(out, "### {}\n", escape_markdown(text));
                }
                Block::Facts(facts) => {
                    for (label, value) in facts {
                        let _ = writeln!(
                            out,
                            "- **{}**{}{}",
                            escape_markdown(label),
                            colon(lang),
                            escape_markdown(value)
                        );
                    }
                    out.push('\n');
                }
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {}", escape_markdown(item));
                    }
                    out.push('\n');
                }
                Block::Table { table, .. } => {
                    out.push_str(&markdown_table(table, lang));
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn markdown_table(table: &Table, lang: Lang) -> String {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = row(table.header.iter().map(|h| escape_markdown(h)).collect());
    out.push_str(&row((0..table.header.len())
        .map(|i| {
            if table.is_figure_column(i) {
                "---:"
            } else {
                "---"
            }
            .to_owned()
        })
        .collect()));
    for line in &table.rows {
        out.push_str(&row(line
            .cells
            .iter()
            .map(|c| {
                let text = escape_markdown(&c.text(lang));
                if line.total && !text.is_empty() {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect()));
    }
    out
}

//! The territory from official data: the communes, EPCI, départements and régions of the
//! npm package `@etalab/decoupage-administratif` (INSEE's Code officiel géographique, the
//! DGCL's list of EPCI, INSEE's populations), turned at build time into small static files
//! that the app fetches one lookup at a time; and what that data decides (the DETR band,
//! the EPCI's population test, the overseas exception to L1111-10).
//!
//! The files, under `territoire/` beside the app, are lines of tab-separated fields (no
//! JSON parser to ship for them, and smaller):
//! - `index.tsv`: the package's version, the vintage, the départements and régions;
//! - `noms/<abc>.tsv`: the communes whose normalised name starts with `abc`;
//! - `cp/<dd>.tsv`: postal codes → commune codes, by their first two digits (three
//!   overseas);
//! - `dep/<code>.tsv`: a département's communes (code, name, population, EPCI) and the
//!   EPCI they belong to (name, kind, population).
//!
//! Each kind of file is written and read by [`TerritoryFile`]; a line that does not read
//! is an error, never a guess.
//!
//! Data from outside never overwrites what the user typed without asking: [`conflicts`]
//! lists old → new, and [`apply`] replaces only when told to.

use crate::dossier::{Identity, Region};
use crate::referential::Lang;
use crate::units::group_thousands;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a département or commune stands: metropolitan France, a DROM, or a COM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    Metro,
    Drom,
    Com,
}

/// One département: code, name, région code, zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartementEntry(pub String, pub String, pub String, pub Zone);

/// `territoire/index.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritoryIndex {
    /// The npm package's version the files were built from.
    pub package: String,
    /// The year of the administrative division (and of the populations it carries).
    pub vintage: u16,
    pub departements: Vec<DepartementEntry>,
    /// Code and name of each région.
    pub regions: Vec<(String, String)>,
}

impl TerritoryIndex {
    /// A département's entry by its code.
    pub fn departement(&self, code: &str) -> Option<&DepartementEntry> {
        self.departements.iter().find(|d| d.0 == code)
    }

    /// A région's name by its code.
    pub fn region_name(&self, code: &str) -> Option<&str> {
        self.regions
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, name)| name.as_str())
    }
}

/// One line of a name file: the name shown, the code of the commune it stands for (an
/// arrondissement of Paris, Lyon or Marseille stands for its commune), the département.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry(pub String, pub String, pub String);

/// One commune of a département file: code, name, population (municipale), EPCI SIREN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommuneRow(pub String, pub String, pub Option<u32>, pub Option<String>);

/// One EPCI of a département file: name, kind (CC, CA, CU, METRO), population (totale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpciRow(pub String, pub String, pub Option<u32>);

/// `territoire/dep/<code>.tsv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepartementFile {
    pub communes: Vec<CommuneRow>,
    /// The EPCI of its communes, by SIREN (an EPCI across two départements is in both).
    pub epci: BTreeMap<String, EpciRow>,
}

/// `territoire/noms/<abc>.tsv`: the communes whose normalised name starts with `abc`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameFile(pub Vec<NameEntry>);

/// `territoire/cp/<prefix>.tsv`: postal code → the communes it serves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostalFile(pub BTreeMap<String, Vec<String>>);

/// A territory file's text that does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "territory file: {}", self.0)
    }
}

impl std::error::Error for FileError {}

/// A kind of territory file: written by the build, read by the app and the CLI.
pub trait TerritoryFile: Sized {
    /// Its text: one record a line, fields separated by tabs.
    fn write(&self) -> String;
    /// Reads its text; any line that does not read is an error.
    fn read(text: &str) -> Result<Self, FileError>;
}

/// The fields of a line, exactly `count` of them.
fn fields(line: &str, count: usize) -> Result<Vec<&str>, FileError> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() == count {
        Ok(fields)
    } else {
        Err(FileError(format!("{count} fields expected in {line:.60}")))
    }
}

fn optional_number(text: &str) -> Result<Option<u32>, FileError> {
    if text.is_empty() {
        Ok(None)
    } else {
        text.parse()
            .map(Some)
            .map_err(|_| FileError(format!("not a number: {text:.20}")))
    }
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|line| !line.is_empty())
}

fn zone_word(zone: Zone) -> &'static str {
    match zone {
        Zone::Metro => "metro",
        Zone::Drom => "drom",
        Zone::Com => "com",
    }
}

/// The first line of `index.tsv`, so that another file is never read as one.
const INDEX_MARK: &str = "fabrique-territoire";

impl TerritoryFile for TerritoryIndex {
    fn write(&self) -> String {
        let mut text = format!("{INDEX_MARK}\t{}\t{}\n", self.package, self.vintage);
        for d in &self.departements {
            text.push_str(&format!(
                "D\t{}\t{}\t{}\t{}\n",
                d.0,
                d.1,
                d.2,
                zone_word(d.3)
            ));
        }
        for (code, name) in &self.regions {
            text.push_str(&format!("R\t{code}\t{name}\n"));
        }
        text
    }

    fn read(text: &str) -> Result<Self, FileError> {
        let mut lines = lines(text);
        let head = fields(lines.next().unwrap_or_default(), 3)?;
        if head[0] != INDEX_MARK {
            return Err(FileError("not a territory index".to_owned()));
        }
        let vintage = head[2]
            .parse()
            .map_err(|_| FileError(format!("vintage {:.10}", head[2])))?;
        let mut index = TerritoryIndex {
            package: head[1].to_owned(),
            vintage,
            departements: Vec::new(),
            regions: Vec::new(),
        };
        for line in lines {
            match line.split('\t').next() {
                Some("D") => {
                    let f = fields(line, 5)?;
                    let zone = match f[4] {
                        "metro" => Zone::Metro,
                        "drom" => Zone::Drom,
                        "com" => Zone::Com,
                        other => return Err(FileError(format!("zone {other:.10}"))),
                    };
                    index.departements.push(DepartementEntry(
                        f[1].to_owned(),
                        f[2].to_owned(),
                        f[3].to_owned(),
                        zone,
                    ));
                }
                Some("R") => {
                    let f = fields(line, 3)?;
                    index.regions.push((f[1].to_owned(), f[2].to_owned()));
                }
                _ => return Err(FileError(format!("unknown line {line:.40}"))),
            }
        }
        Ok(index)
    }
}

impl TerritoryFile for NameFile {
    fn write(&self) -> String {
        self.0
            .iter()
            .map(|e| format!("{}\t{}\t{}\n", e.0, e.1, e.2))
            .collect()
    }

    fn read(text: &str) -> Result<Self, FileError> {
        lines(text)
            .map(|line| {
                let f = fields(line, 3)?;
                Ok(NameEntry(f[0].to_owned(), f[1].to_owned(), f[2].to_owned()))
            })
            .collect::<Result<_, _>>()
            .map(NameFile)
    }
}

impl TerritoryFile for PostalFile {
    fn write(&self) -> String {
        self.0
            .iter()
            .map(|(postal, codes)| format!("{postal}\t{}\n", codes.join(",")))
            .collect()
    }

    fn read(text: &str) -> Result<Self, FileError> {
        lines(text)
            .map(|line| {
                let f = fields(line, 2)?;
                Ok((
                    f[0].to_owned(),
                    f[1].split(',').map(str::to_owned).collect(),
                ))
            })
            .collect::<Result<_, _>>()
            .map(PostalFile)
    }
}

impl TerritoryFile for DepartementFile {
    fn write(&self) -> String {
        let mut text = String::new();
        for c in &self.communes {
            let population = c.2.map(|p| p.to_string()).unwrap_or_default();
            text.push_str(&format!(
                "C\t{}\t{}\t{population}\t{}\n",
                c.0,
                c.1,
                c.3.as_deref().unwrap_or_default()
            ));
        }
        for (siren, e) in &self.epci {
            let population = e.2.map(|p| p.to_string()).unwrap_or_default();
            text.push_str(&format!("E\t{siren}\t{}\t{}\t{population}\n", e.0, e.1));
        }
        text
    }

    fn read(text: &str) -> Result<Self, FileError> {
        let mut file = DepartementFile::default();
        for line in lines(text) {
            let f = fields(line, 5)?;
            match f[0] {
                "C" => file.communes.push(CommuneRow(
                    f[1].to_owned(),
                    f[2].to_owned(),
                    optional_number(f[3])?,
                    (!f[4].is_empty()).then(|| f[4].to_owned()),
                )),
                "E" => {
                    file.epci.insert(
                        f[1].to_owned(),
                        EpciRow(f[2].to_owned(), f[3].to_owned(), optional_number(f[4])?),
                    );
                }
                other => return Err(FileError(format!("unknown line kind {other:.10}"))),
            }
        }
        Ok(file)
    }
}

/// What the official data says of a commune, as recorded in the dossier when the user
/// chooses it: the facts no one types (INSEE code, département, région, EPCI SIREN and
/// kind), the values it filled, and the data's vintage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfficialTerritory {
    pub insee_code: String,
    pub commune: String,
    /// Population municipale (INSEE); DETR counts the population DGF, usually higher.
    pub population: Option<u32>,
    /// "Cantal (15)".
    pub departement: String,
    pub region_name: String,
    pub region: Region,
    pub epci_siren: String,
    pub epci: String,
    /// CC, CA, CU or METRO, as the DGCL writes it.
    pub epci_kind: String,
    /// Population totale of the EPCI (INSEE).
    pub epci_population: Option<u32>,
    /// The npm package's version and the vintage of its data.
    pub package: String,
    pub vintage: u16,
}

/// What the official data said of the dossier's commune, while the commune is still the one
/// chosen: once the user types another commune by hand, the record no longer speaks for it.
pub fn current_official(identity: &Identity) -> Option<&OfficialTerritory> {
    identity
        .official
        .as_ref()
        .filter(|official| normalize(&official.commune) == normalize(&identity.commune))
}

/// Folds a name for matching: lower case, no accents, only letters and digits, and
/// "saint(e)" written "st(e)", so that "st flour", "Saint Flour" and "SAINT-FLOUR" agree.
pub fn normalize(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for character in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match character {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            _ => "",
        };
        if !folded.is_empty() {
            word.push_str(folded);
        } else if character.is_ascii_alphanumeric() {
            word.push(character);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
        .into_iter()
        .map(|word| match word.as_str() {
            "saint" => "st".to_owned(),
            "sainte" => "ste".to_owned(),
            _ => word,
        })
        .collect()
}

/// The name file a normalised name belongs to: its first three characters.
pub const SHARD_CHARS: usize = 3;

/// The département of a commune code: three characters overseas (97x, 98x), else two
/// (Corsica's are 2A and 2B).
pub fn departement_of(code: &str) -> &str {
    let length = if code.starts_with("97") || code.starts_with("98") {
        3
    } else {
        2
    };
    code.get(..length).unwrap_or(code)
}

/// What a search asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Too short to search (fewer than three letters).
    TooShort,
    /// A name: the file to read and the normalised text to match.
    Name { shard: String, normalized: String },
    /// Five characters that may be an INSEE code, a postal code, or both.
    Code {
        insee: Option<String>,
        postal: Option<String>,
    },
}

impl Query {
    /// Reads what the user typed.
    pub fn parse(text: &str) -> Query {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        // ASCII only: a code is digits, or 2A/2B and digits (no Unicode case tables needed).
        let upper = compact.to_ascii_uppercase();
        if upper.len() == 5 && upper.is_ascii() {
            let digits = upper.bytes().all(|b| b.is_ascii_digit());
            let corsica = (upper.starts_with("2A") || upper.starts_with("2B"))
                && upper[2..].bytes().all(|b| b.is_ascii_digit());
            if digits || corsica {
                return Query::Code {
                    insee: Some(upper.clone()),
                    postal: digits.then_some(upper),
                };
            }
        }
        let normalized = normalize(text);
        match normalized.get(..SHARD_CHARS) {
            Some(shard) if normalized.is_char_boundary(SHARD_CHARS) => Query::Name {
                shard: shard.to_owned(),
                normalized: normalized.clone(),
            },
            _ => Query::TooShort,
        }
    }
}

/// The postal file a postal code is in.
pub fn postal_shard(postal: &str) -> &str {
    departement_of(postal)
}

/// The communes of a name file that match, best first: the exact name, then names that
/// begin with what was typed, shorter first; at most `limit`.
pub fn matches<'a>(entries: &'a [NameEntry], normalized: &str, limit: usize) -> Vec<&'a NameEntry> {
    let mut found: Vec<(bool, usize, &NameEntry)> = entries
        .iter()
        .filter_map(|entry| {
            let name = normalize(&entry.0);
            name.starts_with(normalized)
                .then(|| (name != normalized, name.len(), entry))
        })
        .collect();
    // Equal keys are equal names: an unstable sort gives the same list, with less code.
    found.sort_unstable_by(|a, b| (a.0, a.1, &a.2 .0).cmp(&(b.0, b.1, &b.2 .0)));
    found
        .into_iter()
        .take(limit)
        .map(|(_, _, entry)| entry)
        .collect()
}

/// The dossier's [`Region`] for a département of the data.
pub fn region_of(departement: &DepartementEntry) -> Region {
    match (departement.3, departement.0.as_str()) {
        (Zone::Metro, _) => Region::Metropole,
        (_, "971") => Region::Guadeloupe,
        (_, "972") => Region::Martinique,
        (_, "973") => Region::Guyane,
        (_, "974") => Region::LaReunion,
        (_, "976") => Region::Mayotte,
        (_, "975") => Region::SaintPierreEtMiquelon,
        (_, "977") => Region::SaintBarthelemy,
        (_, "978") => Region::SaintMartin,
        _ => Region::AutreOutreMer,
    }
}

/// What the data says of commune `code`, from its département's file.
pub fn official(
    index: &TerritoryIndex,
    departement: &DepartementFile,
    code: &str,
) -> Option<OfficialTerritory> {
    let row = departement.communes.iter().find(|row| row.0 == code)?;
    let entry = index.departement(departement_of(code))?;
    let epci = row
        .3
        .as_ref()
        .and_then(|siren| departement.epci.get(siren).map(|epci| (siren, epci)));
    Some(OfficialTerritory {
        insee_code: row.0.clone(),
        commune: row.1.clone(),
        population: row.2,
        departement: format!("{} ({})", entry.1, entry.0),
        region_name: index.region_name(&entry.2).unwrap_or_default().to_owned(),
        region: region_of(entry),
        epci_siren: epci.map(|(siren, _)| siren.clone()).unwrap_or_default(),
        epci: epci.map(|(_, e)| e.0.clone()).unwrap_or_default(),
        epci_kind: epci.map(|(_, e)| e.1.clone()).unwrap_or_default(),
        epci_population: epci.and_then(|(_, e)| e.2),
        package: index.package.clone(),
        vintage: index.vintage,
    })
}

/// A field the official data would change from what the dossier holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub field: TerritoryField,
    pub old: String,
    pub new: String,
}

/// The identity fields the official data fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerritoryField {
    Commune,
    CommunePopulation,
    Epci,
    EpciPopulation,
    Region,
}

crate::labels! {
    TerritoryField {
        Commune => "Commune", "Commune";
        CommunePopulation => "Population de la commune", "Commune's population";
        Epci => "EPCI", "EPCI";
        EpciPopulation => "Population de l'EPCI", "EPCI's population";
        Region => "Région", "Region";
    }
}

fn count(value: Option<u32>) -> String {
    value
        .map(|v| group_thousands(u64::from(v)))
        .unwrap_or_default()
}

/// What choosing this commune would change in answers the user already gave: the fields
/// that hold another value (an empty field is simply filled, not a conflict).
pub fn conflicts(identity: &Identity, official: &OfficialTerritory) -> Vec<Conflict> {
    let mut found = Vec::new();
    let mut check = |field, old: String, new: String, filled: bool| {
        if filled && !new.is_empty() && old.trim() != new {
            found.push(Conflict { field, old, new });
        }
    };
    check(
        TerritoryField::Commune,
        identity.commune.clone(),
        official.commune.clone(),
        !identity.commune.trim().is_empty(),
    );
    check(
        TerritoryField::CommunePopulation,
        count(identity.commune_population),
        count(official.population),
        identity.commune_population.is_some(),
    );
    check(
        TerritoryField::Epci,
        identity.epci.clone(),
        official.epci.clone(),
        !identity.epci.trim().is_empty(),
    );
    check(
        TerritoryField::EpciPopulation,
        count(identity.epci_population),
        count(official.epci_population),
        identity.epci_population.is_some(),
    );
    // The région starts as metropolitan France: only another choice is the user's own.
    if identity.region != Region::Metropole && identity.region != official.region {
        found.push(Conflict {
            field: TerritoryField::Region,
            old: crate::funding::region_name(identity.region).to_owned(),
            new: crate::funding::region_name(official.region).to_owned(),
        });
    }
    found
}

/// Fills the identity from the official data: empty fields always, fields that hold
/// another value only when `replace` is set (after the user saw [`conflicts`]). Records
/// what the data said, and its vintage.
pub fn apply(identity: &mut Identity, official: &OfficialTerritory, replace: bool) {
    if (replace || identity.commune.trim().is_empty()) && !official.commune.is_empty() {
        identity.commune = official.commune.clone();
    }
    if (replace || identity.commune_population.is_none()) && official.population.is_some() {
        identity.commune_population = official.population;
    }
    if (replace || identity.epci.trim().is_empty()) && !official.epci.is_empty() {
        identity.epci = official.epci.clone();
    }
    if (replace || identity.epci_population.is_none()) && official.epci_population.is_some() {
        identity.epci_population = official.epci_population;
    }
    if replace || identity.region == Region::Metropole {
        identity.region = official.region;
    }
    identity.official = Some(official.clone());
}

/// Where the data comes from, in words: "INSEE et DGCL, découpage 2026 (…)".
pub fn source_text(official: &OfficialTerritory, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Données officielles : INSEE (code officiel géographique, population municipale) et DGCL (EPCI), découpage \
                {} (paquet @etalab/decoupage-administratif {}).",
            official.vintage, official.package
        ),
        Lang::En => format!(
            "Official data: INSEE (official geographic code, municipal population) and DGCL (EPCI), {} division \
                (package @etalab/decoupage-administratif {}).",
            official.vintage, official.package
        ),
    }
}

/// The commune the data names, and where the data comes from, in one sentence for the
/// reports: "Saint-Flour (INSEE 15187), Cantal (15), Auvergne-Rhône-Alpes. Données …".
pub fn official_line(official: &OfficialTerritory, lang: Lang) -> String {
    format!(
        "{} (INSEE {}), {}, {}. {}",
        official.commune,
        official.insee_code,
        official.departement,
        official.region_name,
        source_text(official, lang)
    )
}

/// A commune's DETR band by its population alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DetrBand {
    /// At most 2,000 inhabitants (3,500 in a DROM): eligible.
    Eligible { limit: u32 },
    /// 2,001 to 20,000 (3,501 to 35,000): depends on the potentiel financier.
    DependsOnPotentielFinancier { from: u32, to: u32 },
    /// More than 20,000 (35,000): a commune is not eligible; its EPCI may be.
    NotEligible { limit: u32 },
    /// A COM: the source gives no rule.
    Unknown,
}

/// The DETR band of a commune of `population` in `region` (CGCT art. L2334-33).
pub fn detr_band(population: u32, region: Region) -> DetrBand {
    let Some((small, medium)) = crate::funding::commune_detr_thresholds(region) else {
        return DetrBand::Unknown;
    };
    if population <= small {
        DetrBand::Eligible { limit: small }
    } else if population <= medium {
        DetrBand::DependsOnPotentielFinancier {
            from: small + 1,
            to: medium,
        }
    } else {
        DetrBand::NotEligible { limit: medium }
    }
}

/// What the territory's facts decide, in words: the DETR band, the EPCI's population
/// test and what remains to answer, the overseas exception to L1111-10, and where to check
/// what the data does not say (QPV, France Ruralités Revitalisation).
pub fn territory_notes(identity: &Identity, lang: Lang) -> Vec<String> {
    use crate::funding::n;
    let fr = lang == Lang::Fr;
    let mut notes = Vec::new();
    if let Some(population) = identity.commune_population {
        notes.push(match (detr_band(population, identity.region), fr) {
            (DetrBand::Eligible { limit }, true) => format!("DETR, commune : {} habitants, au plus {} — \
                éligible.", n(population, lang), n(limit, lang)),
            (DetrBand::Eligible { limit }, false) => format!("DETR, commune: {} inhabitants, at most {} — \
                eligible.", n(population, lang), n(limit, lang)),
            (DetrBand::DependsOnPotentielFinancier { from, to }, true) => format!("DETR, commune : {} habitants, entre \
                {} et {} — éligible si le potentiel financier par habitant est sous 1,3 fois la moyenne de la strate \
                (à indiquer).", n(population, lang), n(from, lang), n(to, lang)),
            (DetrBand::DependsOnPotentielFinancier { from, to }, false) => format!("DETR, commune: {} inhabitants, \
                between {} and {} — eligible if the fiscal capacity per inhabitant is under 1.3 times the band's \
                average (to give).", n(population, lang), n(from, lang), n(to, lang)),
            (DetrBand::NotEligible { limit }, true) => format!("DETR, commune : {} habitants, plus de {} — une commune \
                n'est pas éligible ; l'EPCI peut l'être.", n(population, lang), n(limit, lang)),
            (DetrBand::NotEligible { limit }, false) => format!("DETR, commune: {} inhabitants, more than {} — a \
                commune is not eligible; the EPCI may be.", n(population, lang), n(limit, lang)),
            (DetrBand::Unknown, true) => "DETR : la source ne donne pas la règle pour cette collectivité \
                d'outre-mer.".to_owned(),
            (DetrBand::Unknown, false) => "DETR: the source gives no rule for this overseas collectivité.".to_owned(),
        });
        if fr {
            notes.push("La DETR compte la population DGF, en général un peu plus élevée que la population municipale \
                de l'INSEE : près d'un seuil, vérifiez-la auprès de la préfecture.".to_owned());
        } else {
            notes.push("DETR counts the DGF population, usually a little higher than INSEE's municipal population: \
                near a threshold, check it with the préfecture.".to_owned());
        }
    }
    if let Some(population) = identity.epci_population {
        let (cap, central) = crate::funding::epci_detr_thresholds(identity.region);
        notes.push(match (population <= cap, fr) {
            (true, true) => format!("DETR, EPCI : {} habitants, au plus {} — éligible sur sa seule \
                population.", n(population, lang), n(cap, lang)),
            (true, false) => format!("DETR, EPCI: {} inhabitants, at most {} — eligible on its population \
                alone.", n(population, lang), n(cap, lang)),
            (false, true) => format!("DETR, EPCI : {} habitants, plus de {} — éligible sauf s'il a une commune centre \
                de plus de {} habitants et une densité d'au moins 150 habitants/km² : répondez à ces deux \
                questions.", n(population, lang), n(cap, lang), n(central, lang)),
            (false, false) => format!("DETR, EPCI: {} inhabitants, more than {} — eligible unless it has a central \
                commune of more than {} and a density of at least 150 inhabitants/km²: answer both \
                questions.", n(population, lang), n(cap, lang), n(central, lang)),
        });
    }
    if identity.region.is_overseas() && identity.region != Region::AutreOutreMer {
        notes.push(if fr {
            "Outre-mer : la règle de 20 % de part propre du maître d'ouvrage public (CGCT art. L1111-10) ne s'applique \
                pas aux collectivités de ce territoire.".to_owned()
        } else {
            "Overseas: the rule that a public owner brings 20 % of the public financing (CGCT art. L1111-10) does not \
                apply to this territory's local authorities.".to_owned()
        });
    }
    notes.push(if fr {
        "Le quartier prioritaire (QPV) et le zonage France Ruralités Revitalisation ne sont pas dans ces données : \
            vérifiez-les sur sig.ville.gouv.fr et sur le site de l'ANCT.".to_owned()
    } else {
        "Priority districts (QPV) and the France Ruralités Revitalisation zoning are not in this data: check them on \
            sig.ville.gouv.fr and the ANCT's site.".to_owned()
    });
    notes
}

/// Why the package's data could not be turned into files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "territory data: {}", self.0)
    }
}

impl std::error::Error for BuildError {}

#[derive(Deserialize)]
struct PackageCommune {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    kind: String,
    departement: String,
    #[serde(default, rename = "codesPostaux")]
    postal_codes: Vec<String>,
    population: Option<u32>,
    /// For an arrondissement: its commune.
    commune: Option<String>,
}

#[derive(Deserialize)]
struct PackageMember {
    code: String,
}

#[derive(Deserialize)]
struct PackageEpci {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "populationTotale")]
    population: Option<u32>,
    membres: Vec<PackageMember>,
}

#[derive(Deserialize)]
struct PackageDepartement {
    code: String,
    nom: String,
    region: String,
    zone: Zone,
}

#[derive(Deserialize)]
struct PackageRegion {
    code: String,
    nom: String,
}

/// The package's data files, as text.
pub struct PackageData<'a> {
    pub communes: &'a str,
    pub epci: &'a str,
    pub departements: &'a str,
    pub regions: &'a str,
    pub version: &'a str,
    pub vintage: u16,
}

fn read<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, BuildError> {
    serde_json::from_str(text).map_err(|error| BuildError(format!("{what}: {error}")))
}

/// A field as the files carry it: a tab or a line break inside would break its line.
fn field(text: &str) -> Result<String, BuildError> {
    if text.contains(['\t', '\n', '\r']) {
        Err(BuildError(format!("a tab or line break in {text:.40}")))
    } else {
        Ok(text.to_owned())
    }
}

/// Turns the package's data into the files the app fetches: relative path → JSON text.
pub fn build(data: &PackageData) -> Result<BTreeMap<String, String>, BuildError> {
    let communes: Vec<PackageCommune> = read(data.communes, "communes.json")?;
    let epcis: Vec<PackageEpci> = read(data.epci, "epci.json")?;
    let departements: Vec<PackageDepartement> = read(data.departements, "departements.json")?;
    let regions: Vec<PackageRegion> = read(data.regions, "regions.json")?;
    let mut epci_of: BTreeMap<&str, &PackageEpci> = BTreeMap::new();
    for epci in &epcis {
        for member in &epci.membres {
            epci_of.insert(member.code.as_str(), epci);
        }
    }
    let mut files = BTreeMap::new();
    let mut names: BTreeMap<String, NameFile> = BTreeMap::new();
    let mut postal: BTreeMap<String, PostalFile> = BTreeMap::new();
    let mut by_departement: BTreeMap<String, DepartementFile> = BTreeMap::new();
    for commune in &communes {
        let stands_for = match commune.kind.as_str() {
            "commune-actuelle" => commune.code.clone(),
            "arrondissement-municipal" => match &commune.commune {
                Some(parent) => parent.clone(),
                None => continue,
            },
            _ => continue,
        };
        let normalized = normalize(&commune.nom);
        if let Some(shard) = normalized.get(..SHARD_CHARS) {
            names.entry(shard.to_owned()).or_default().0.push(NameEntry(
                field(&commune.nom)?,
                field(&stands_for)?,
                field(&commune.departement)?,
            ));
        }
        for code in &commune.postal_codes {
            let served = postal
                .entry(postal_shard(code).to_owned())
                .or_default()
                .0
                .entry(field(code)?)
                .or_default();
            if !served.contains(&stands_for) {
                served.push(stands_for.clone());
            }
        }
        if commune.kind == "commune-actuelle" {
            let file = by_departement
                .entry(commune.departement.clone())
                .or_default();
            let epci = epci_of.get(commune.code.as_str());
            if let Some(epci) = epci {
                file.epci.insert(
                    field(&epci.code)?,
                    EpciRow(field(&epci.nom)?, field(&epci.kind)?, epci.population),
                );
            }
            file.communes.push(CommuneRow(
                field(&commune.code)?,
                field(&commune.nom)?,
                commune.population,
                epci.map(|e| field(&e.code)).transpose()?,
            ));
        }
    }
    if by_departement.is_empty() {
        return Err(BuildError("no commune in communes.json".to_owned()));
    }
    let index = TerritoryIndex {
        package: field(data.version)?,
        vintage: data.vintage,
        departements: departements
            .into_iter()
            .map(|d| {
                Ok(DepartementEntry(
                    field(&d.code)?,
                    field(&d.nom)?,
                    field(&d.region)?,
                    d.zone,
                ))
            })
            .collect::<Result<_, BuildError>>()?,
        regions: regions
            .into_iter()
            .map(|r| Ok((field(&r.code)?, field(&r.nom)?)))
            .collect::<Result<_, BuildError>>()?,
    };
    files.insert("index.tsv".to_owned(), index.write());
    for (shard, entries) in names {
        files.insert(format!("noms/{shard}.tsv"), entries.write());
    }
    for (shard, codes) in postal {
        files.insert(format!("cp/{shard}.tsv"), codes.write());
    }
    for (code, file) in by_departement {
        files.insert(format!("dep/{code}.tsv"), file.write());
    }
    Ok(files)
}

/// The vintage of a package version, as its README's table of "millésimes" gives it
/// (`| 2026 | 6.0.0 | …`): read from the package, never typed by hand.
pub fn vintage_from_readme(readme: &str, version: &str) -> Option<u16> {
    readme.lines().find_map(|line| {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        match cells.as_slice() {
            ["", year, listed, ..] if *listed == version => year.parse().ok(),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small package: Saint-Flour (Cantal), a homonym in another département, Marseille
    /// and two of its arrondissements, Pointe-à-Pitre (Guadeloupe), Saint-Barthélemy (a
    /// COM), two communes that share a postal code, and a delegated commune.
    fn package() -> BTreeMap<String, String> {
        let communes = r#"[
          {"code":"15187","nom":"Saint-Flour","type":"commune-actuelle","departement":"15","region":"84","zone":"metro",
              "codesPostaux":["15100"],"population":6391},
          {"code":"15188","nom":"Saint-Georges","type":"commune-actuelle","departement":"15","region":"84",
              "zone":"metro","codesPostaux":["15100"],"population":1200},
          {"code":"43200","nom":"Saint-Flour","type":"commune-actuelle","departement":"43","region":"84","zone":"metro",
              "codesPostaux":["43300"],"population":80},
          {"code":"13055","nom":"Marseille","type":"commune-actuelle","departement":"13","region":"93","zone":"metro",
              "codesPostaux":["13001","13002"],"population":877215},
          {"code":"13201","nom":"Marseille 1er Arrondissement","type":"arrondissement-municipal","commune":"13055",
              "departement":"13","region":"93","zone":"metro","codesPostaux":["13001"],"population":37599},
          {"code":"13202","nom":"Marseille 2e Arrondissement","type":"arrondissement-municipal","commune":"13055",
              "departement":"13","region":"93","zone":"metro","codesPostaux":["13002"],"population":25000},
          {"code":"97120","nom":"Pointe-à-Pitre","type":"commune-actuelle","departement":"971","region":"01",
              "zone":"drom","codesPostaux":["97110"],"population":15040},
          {"code":"97701","nom":"Saint-Barthélemy","type":"commune-actuelle","departement":"977","region":"977",
              "zone":"com","codesPostaux":["97133"],"population":10660},
          {"code":"15999","nom":"Ancienne","type":"commune-deleguee","departement":"15","region":"84","zone":"metro"}
        ]"#;
        let epci = r#"[
          {"code":"200066660","nom":"CC Saint-Flour Communauté","type":"CC","populationTotale":24000,
              "membres":[{"code":"15187"},{"code":"15188"}]},
          {"code":"200054807","nom":"Métropole d'Aix-Marseille-Provence","type":"METRO","populationTotale":1900000,
              "membres":[{"code":"13055"}]},
          {"code":"249710047","nom":"CA Cap Excellence","type":"CA","populationTotale":90000,
              "membres":[{"code":"97120"}]}
        ]"#;
        let departements = r#"[
          {"code":"13","nom":"Bouches-du-Rhône","region":"93","zone":"metro"},
          {"code":"15","nom":"Cantal","region":"84","zone":"metro"},
          {"code":"43","nom":"Haute-Loire","region":"84","zone":"metro"},
          {"code":"971","nom":"Guadeloupe","region":"01","zone":"drom"},
          {"code":"977","nom":"Saint-Barthélemy","region":"977","zone":"com"}
        ]"#;
        let regions = r#"[
          {"code":"01","nom":"Guadeloupe"},{"code":"84","nom":"Auvergne-Rhône-Alpes"},
          {"code":"93","nom":"Provence-Alpes-Côte d'Azur"},{"code":"977","nom":"Saint-Barthélemy"}
        ]"#;
        build(&PackageData {
            communes,
            epci,
            departements,
            regions,
            version: "6.0.0",
            vintage: 2026,
        })
        .expect("built")
    }

    fn file<T: TerritoryFile>(files: &BTreeMap<String, String>, path: &str) -> T {
        T::read(files.get(path).unwrap_or_else(|| panic!("{path} missing"))).expect("readable")
    }

    fn search(files: &BTreeMap<String, String>, text: &str) -> Vec<(String, String)> {
        let Query::Name { shard, normalized } = Query::parse(text) else {
            panic!("{text} is not a name query");
        };
        let entries: NameFile = files
            .get(&format!("noms/{shard}.tsv"))
            .map(|t| NameFile::read(t).expect("readable"))
            .unwrap_or_default();
        matches(&entries.0, &normalized, 20)
            .into_iter()
            .map(|e| (e.0.clone(), e.1.clone()))
            .collect()
    }

    #[test]
    fn names_match_without_accents_hyphens_or_saint() {
        assert_eq!(normalize("Saint-Flour"), "stflour");
        assert_eq!(normalize("st flour"), "stflour");
        assert_eq!(normalize("ST. FLOUR"), "stflour");
        assert_eq!(normalize("Pointe-à-Pitre"), "pointeapitre");
        assert_eq!(normalize("Sainte-Œillette"), "steoeillette");
        let files = package();
        // Homonyms: both Saint-Flour, each with its own département.
        let found = search(&files, "st flour");
        assert_eq!(
            found,
            vec![
                ("Saint-Flour".to_owned(), "15187".to_owned()),
                ("Saint-Flour".to_owned(), "43200".to_owned())
            ]
        );
        assert_eq!(search(&files, "pointe a pi")[0].1, "97120");
        assert!(search(&files, "st fx").is_empty());
        assert_eq!(Query::parse("sf"), Query::TooShort);
    }

    #[test]
    fn arrondissements_stand_for_their_commune() {
        let files = package();
        let found = search(&files, "marseille 1er");
        assert_eq!(
            found,
            vec![(
                "Marseille 1er Arrondissement".to_owned(),
                "13055".to_owned()
            )]
        );
        // The exact name comes first.
        assert_eq!(search(&files, "marseille")[0].0, "Marseille");
        let postal: PostalFile = file(&files, "cp/13.tsv");
        assert_eq!(postal.0["13001"], vec!["13055".to_owned()]);
    }

    #[test]
    fn a_postal_code_shared_by_several_communes_gives_them_all() {
        let files = package();
        let postal: PostalFile = file(&files, "cp/15.tsv");
        assert_eq!(
            postal.0["15100"],
            vec!["15187".to_owned(), "15188".to_owned()]
        );
        assert_eq!(
            Query::parse("15100"),
            Query::Code {
                insee: Some("15100".to_owned()),
                postal: Some("15100".to_owned())
            }
        );
        assert_eq!(
            Query::parse("2a004"),
            Query::Code {
                insee: Some("2A004".to_owned()),
                postal: None
            }
        );
        assert_eq!(departement_of("2A004"), "2A");
        assert_eq!(departement_of("97120"), "971");
        assert_eq!(postal_shard("97110"), "971");
    }

    #[test]
    fn choosing_a_commune_fills_its_territory_with_the_vintage() {
        let files = package();
        let index: TerritoryIndex = file(&files, "index.tsv");
        let cantal: DepartementFile = file(&files, "dep/15.tsv");
        let saint_flour = official(&index, &cantal, "15187").expect("found");
        assert_eq!(saint_flour.population, Some(6_391));
        assert_eq!(saint_flour.departement, "Cantal (15)");
        assert_eq!(saint_flour.region_name, "Auvergne-Rhône-Alpes");
        assert_eq!(saint_flour.region, Region::Metropole);
        assert_eq!(saint_flour.epci, "CC Saint-Flour Communauté");
        assert_eq!(
            (saint_flour.epci_kind.as_str(), saint_flour.epci_population),
            ("CC", Some(24_000))
        );
        assert_eq!(
            (saint_flour.package.as_str(), saint_flour.vintage),
            ("6.0.0", 2026)
        );
        // A delegated commune is not a commune of today: not listed.
        assert!(official(&index, &cantal, "15999").is_none());

        let guadeloupe: DepartementFile = file(&files, "dep/971.tsv");
        let pap = official(&index, &guadeloupe, "97120").expect("found");
        assert_eq!(pap.region, Region::Guadeloupe);
        let com: DepartementFile = file(&files, "dep/977.tsv");
        let stbarth = official(&index, &com, "97701").expect("found");
        assert_eq!(stbarth.region, Region::SaintBarthelemy);
        assert_eq!(stbarth.epci, "");
    }

    #[test]
    fn the_data_fills_empty_fields_and_asks_before_replacing() {
        let files = package();
        let index: TerritoryIndex = file(&files, "index.tsv");
        let cantal: DepartementFile = file(&files, "dep/15.tsv");
        let data = official(&index, &cantal, "15187").expect("found");
        // Nothing typed yet: everything is filled, nothing to ask.
        let mut empty = Identity::default();
        assert!(conflicts(&empty, &data).is_empty());
        apply(&mut empty, &data, false);
        assert_eq!(empty.commune, "Saint-Flour");
        assert_eq!(empty.commune_population, Some(6_391));
        assert_eq!(empty.epci_population, Some(24_000));
        assert_eq!(empty.official.as_ref().map(|o| o.vintage), Some(2026));
        // A population typed by the user is shown old → new, and kept unless replaced.
        let mut typed = Identity {
            commune_population: Some(6_500),
            commune: "Saint-Flour".to_owned(),
            ..Identity::default()
        };
        let found = conflicts(&typed, &data);
        assert_eq!(
            found,
            vec![Conflict {
                field: TerritoryField::CommunePopulation,
                old: "6\u{202f}500".to_owned(),
                new: "6\u{202f}391".to_owned()
            }]
        );
        apply(&mut typed, &data, false);
        assert_eq!(typed.commune_population, Some(6_500));
        assert_eq!(typed.epci, "CC Saint-Flour Communauté");
        apply(&mut typed, &data, true);
        assert_eq!(typed.commune_population, Some(6_391));
        // The record speaks for the commune only while it is the one chosen.
        assert!(current_official(&typed).is_some());
        typed.commune = "Murat".to_owned();
        assert!(current_official(&typed).is_none());
    }

    #[test]
    fn the_detr_band_follows_the_population_and_the_territory() {
        let cases = [
            (
                2_000,
                Region::Metropole,
                DetrBand::Eligible { limit: 2_000 },
            ),
            (
                2_001,
                Region::Metropole,
                DetrBand::DependsOnPotentielFinancier {
                    from: 2_001,
                    to: 20_000,
                },
            ),
            (
                20_000,
                Region::Metropole,
                DetrBand::DependsOnPotentielFinancier {
                    from: 2_001,
                    to: 20_000,
                },
            ),
            (
                20_001,
                Region::Metropole,
                DetrBand::NotEligible { limit: 20_000 },
            ),
            (
                3_500,
                Region::Guadeloupe,
                DetrBand::Eligible { limit: 3_500 },
            ),
            (
                35_001,
                Region::Mayotte,
                DetrBand::NotEligible { limit: 35_000 },
            ),
            (100, Region::SaintBarthelemy, DetrBand::Unknown),
        ];
        for (population, region, band) in cases {
            assert_eq!(
                detr_band(population, region),
                band,
                "{population} {region:?}"
            );
        }
        let identity = Identity {
            commune_population: Some(6_391),
            epci_population: Some(24_000),
            region: Region::Guadeloupe,
            ..Identity::default()
        };
        let notes = territory_notes(&identity, Lang::Fr).join("\n");
        assert!(
            notes.contains("entre 3\u{202f}501 et 35\u{202f}000"),
            "{notes}"
        );
        assert!(
            notes.contains("éligible sur sa seule population"),
            "{notes}"
        );
        assert!(
            notes.contains("CGCT art. L1111-10) ne s'applique pas"),
            "{notes}"
        );
        assert!(notes.contains("sig.ville.gouv.fr"), "{notes}");
    }

    #[test]
    fn every_file_reads_back_what_was_written_and_a_bad_line_is_an_error() {
        let files = package();
        for (path, text) in &files {
            let rewritten = if path == "index.tsv" {
                TerritoryIndex::read(text).map(|f| f.write())
            } else if path.starts_with("noms/") {
                NameFile::read(text).map(|f| f.write())
            } else if path.starts_with("cp/") {
                PostalFile::read(text).map(|f| f.write())
            } else {
                DepartementFile::read(text).map(|f| f.write())
            };
            assert_eq!(rewritten.as_ref(), Ok(text), "{path}");
        }
        assert!(DepartementFile::read("C\t15187\tSaint-Flour\tsix\t").is_err());
        assert!(DepartementFile::read("X\ta\tb\tc\td").is_err());
        assert!(NameFile::read("Saint-Flour\t15187").is_err());
        assert!(TerritoryIndex::read("C\t15187\tSaint-Flour").is_err());
        assert!(TerritoryIndex::read("").is_err());
        // A name with a tab cannot be written: the build refuses it.
        let broken = build(&PackageData {
            communes: r#"[{"code":"15187","nom":"Saint\tFlour","type":"commune-actuelle","departement":"15"}]"#,
            epci: "[]",
            departements: r#"[{"code":"15","nom":"Cantal","region":"84","zone":"metro"}]"#,
            regions: "[]",
            version: "6.0.0",
            vintage: 2026,
        });
        assert!(broken.is_err());
    }

    #[test]
    fn the_vintage_is_read_from_the_package_readme() {
        let readme = "| Année | Version |\n|-------|----|\n| 2026  | 6.0.0 | `npm i` |\n| 2025  | 5.3.0 | x |";
        assert_eq!(vintage_from_readme(readme, "6.0.0"), Some(2026));
        assert_eq!(vintage_from_readme(readme, "5.3.0"), Some(2025));
        assert_eq!(vintage_from_readme(readme, "9.9.9"), None);
    }
}

//! `fabrique`, the command line over `fabrique-core`: evaluates a dossier file with exactly
//! the rules of the app, for scripts, reviews of the referential, and advisers.
//!
//! ```text
//! fabrique eval FILE.json|LINK [--format text|json|markdown] [--lang fr|en]
//! fabrique present FILE.json|LINK [--lang fr|en]
//! fabrique link FILE.json [--base https://…/]
//! fabrique territory PACKAGE_DIR OUT_DIR
//! ```
//!
//! `present` writes the dossier de présentation (the project for a jury, no score) as
//! Markdown, the app's document.
//!
//! `territory` turns the npm package `@etalab/decoupage-administratif` (its folder, with
//! `data/` and `README.md`) into the static files the app's territory search fetches;
//! `eval --territory-data PACKAGE_DIR` fills a dossier's empty territory fields from the
//! same data, never replacing what the file says.

use fabrique_core::evaluation::evaluate;
use fabrique_core::label::Label;
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::report;
use fabrique_core::territory::TerritoryFile;
use fabrique_core::{dossier, link, presentation, territory};
use std::process::ExitCode;

const USAGE: &str =
    "usage: fabrique eval FILE.json|LINK [--format text|json|markdown] [--lang fr|en] \
    [--territory-data PACKAGE_DIR]\n       fabrique present FILE.json|LINK [--lang fr|en]\n       \
    fabrique link FILE.json [--base https://…/]\n       fabrique territory PACKAGE_DIR OUT_DIR";

/// Where links point when no `--base` is given.
const DEFAULT_BASE: &str = "https://fabrique.example/";

/// How the evaluation is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
}

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Eval,
    /// The dossier de présentation, in Markdown.
    Present,
    Link,
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
struct EvalCommand {
    action: Action,
    file: String,
    format: Format,
    lang: Lang,
    base: String,
    /// The package folder to fill the territory from.
    territory_data: Option<String>,
}

fn parse_args(args: &[String]) -> Result<EvalCommand, String> {
    let mut args = args.iter();
    let action = match args.next().map(String::as_str) {
        Some("eval") => Action::Eval,
        Some("present") => Action::Present,
        Some("link") => Action::Link,
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
        None => return Err(USAGE.to_owned()),
    };
    let mut file = None;
    let mut format = Format::Text;
    let mut lang = Lang::Fr;
    let mut base = DEFAULT_BASE.to_owned();
    let mut territory_data = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--territory-data" => match args.next() {
                Some(folder) => territory_data = Some(folder.clone()),
                None => return Err("--territory-data takes the package's folder".to_owned()),
            },
            "--base" => match args.next() {
                Some(value) if value.starts_with("http://") || value.starts_with("https://") => {
                    base = value.clone()
                }
                other => return Err(format!("--base takes an http(s) address, not {other:?}")),
            },
            "--format" => {
                format = match args.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("markdown") => Format::Markdown,
                    other => {
                        return Err(format!(
                            "--format takes text, json or markdown, not {other:?}"
                        ))
                    }
                }
            }
            "--lang" => {
                lang = match args.next().map(String::as_str) {
                    Some("fr") => Lang::Fr,
                    Some("en") => Lang::En,
                    other => return Err(format!("--lang takes fr or en, not {other:?}")),
                }
            }
            option if option.starts_with("--") => {
                return Err(format!("unknown option {option}\n{USAGE}"))
            }
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("one file at a time, not also {extra:?}\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("no dossier file given\n{USAGE}"))?;
    Ok(EvalCommand {
        action,
        file,
        format,
        lang,
        base,
        territory_data,
    })
}

/// The package's data, read from its folder, with its version and vintage.
fn read_package(folder: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    let path = std::path::Path::new(folder);
    let read = |name: &str| {
        std::fs::read_to_string(path.join(name))
            .map_err(|error| format!("{}: cannot read: {error}", path.join(name).display()))
    };
    let manifest: serde_json::Value = serde_json::from_str(&read("package.json")?)
        .map_err(|error| format!("{folder}/package.json: {error}"))?;
    let version = manifest["version"]
        .as_str()
        .ok_or_else(|| format!("{folder}/package.json has no version"))?
        .to_owned();
    let vintage = territory::vintage_from_readme(&read("README.md")?, &version)
        .ok_or_else(|| format!("{folder}/README.md gives no vintage for version {version}"))?;
    territory::build(&territory::PackageData {
        communes: &read("data/communes.json")?,
        epci: &read("data/epci.json")?,
        departements: &read("data/departements.json")?,
        regions: &read("data/regions.json")?,
        version: &version,
        vintage,
    })
    .map_err(|error| error.to_string())
}

/// `fabrique territory PACKAGE_DIR OUT_DIR`: writes the files, says how many and how big.
fn write_territory(args: &[String]) -> Result<String, String> {
    let [package, out] = args else {
        return Err(format!(
            "territory takes the package's folder and the output folder\n{USAGE}"
        ));
    };
    let files = read_package(package)?;
    let mut bytes = 0;
    for (relative, text) in &files {
        let path = std::path::Path::new(out).join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
        bytes += text.len();
    }
    Ok(format!("{} files, {bytes} bytes, in {out}", files.len()))
}

/// Fills the dossier's territory from the package's data: by its INSEE code when it has
/// one, else by its commune's name when exactly one commune bears it. Never replaces a
/// value the file holds; says on standard error what it filled and what it kept.
fn fill_territory(dossier: &mut dossier::Dossier, folder: &str) -> Result<(), String> {
    let files = read_package(folder)?;
    fn parse<T: TerritoryFile>(
        files: &std::collections::BTreeMap<String, String>,
        path: &str,
    ) -> Result<T, String> {
        let text = files
            .get(path)
            .ok_or_else(|| format!("no {path} in the data"))?;
        T::read(text).map_err(|error| format!("{path}: {error}"))
    }
    let index: territory::TerritoryIndex = parse(&files, "index.tsv")?;
    let identity = &dossier.identity;
    let code =
        match identity.official.as_ref().map(|o| o.insee_code.clone()) {
            Some(code) if !code.is_empty() => code,
            _ => {
                let normalized = territory::normalize(&identity.commune);
                let shard = normalized.get(..territory::SHARD_CHARS).unwrap_or_default();
                let entries: territory::NameFile = parse(&files, &format!("noms/{shard}.tsv"))?;
                let exact: Vec<_> = territory::matches(&entries.0, &normalized, 50)
                    .into_iter()
                    .filter(|e| territory::normalize(&e.0) == normalized)
                    .collect();
                match exact.as_slice() {
                    [one] => one.1.clone(),
                    [] => {
                        return Err(format!(
                            "no commune named {:?} in the data",
                            identity.commune
                        ))
                    }
                    several => {
                        return Err(format!(
                        "several communes are named {:?} (départements {}): give the INSEE code",
                        identity.commune,
                        several.iter().map(|e| e.2.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                    }
                }
            }
        };
    let departement: territory::DepartementFile = parse(
        &files,
        &format!("dep/{}.tsv", territory::departement_of(&code)),
    )?;
    let official = territory::official(&index, &departement, &code)
        .ok_or_else(|| format!("no commune {code} in the data"))?;
    for conflict in territory::conflicts(&dossier.identity, &official) {
        eprintln!(
            "fabrique: kept {}: {} (official data: {})",
            conflict.field.label(Lang::En),
            conflict.old,
            conflict.new
        );
    }
    territory::apply(&mut dossier.identity, &official, false);
    eprintln!(
        "fabrique: territory of {} ({}) filled from the official data, {} division",
        official.commune, official.insee_code, official.vintage
    );
    Ok(())
}

/// Reads the dossier named on the command line: a file, or else a snapshot link.
fn read_input(
    input: &str,
) -> Result<
    (
        fabrique_core::dossier::Dossier,
        std::collections::BTreeMap<fabrique_core::referential::CriterionId, u32>,
    ),
    String,
> {
    match std::fs::read_to_string(input) {
        Ok(text) => dossier::from_json(&text)
            .map(|dossier| (dossier, Default::default()))
            .map_err(|error| format!("{input}: {error}")),
        Err(_) if link::extract_token(input).starts_with('d') => link::decode(input)
            .map(|snapshot| (snapshot.dossier, snapshot.weights))
            .map_err(|error| format!("{input:.60}: {error}")),
        Err(error) => Err(format!("{input}: cannot read: {error}")),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    if args.first().map(String::as_str) == Some("territory") {
        return write_territory(&args[1..]);
    }
    let command = parse_args(args)?;
    let (mut dossier, weights) = read_input(&command.file)?;
    if let Some(folder) = &command.territory_data {
        fill_territory(&mut dossier, folder)?;
    }
    let referential = Referential::builtin(dossier.variant()).with_weights(&weights);
    if command.action == Action::Link {
        let snapshot = link::Snapshot {
            weights,
            referential_version: referential.version,
            saved_at_ms: 0,
            dossier,
        };
        return link::to_link(&command.base, &snapshot).map_err(|error| {
            format!("no link made: {error} (send the dossier as a file instead)")
        });
    }
    if command.action == Action::Present {
        if command.format == Format::Json {
            return Err("present writes Markdown only (no --format json)".to_owned());
        }
        let document = presentation::presentation(&dossier, command.lang);
        return Ok(presentation::markdown(&document, command.lang));
    }
    let evaluation = evaluate(&dossier, &referential, command.lang);
    Ok(match command.format {
        Format::Json => serde_json::to_string_pretty(&evaluation)
            .map_err(|error| format!("cannot write JSON: {error}"))?,
        Format::Text => report::text(&dossier, &evaluation, &referential, command.lang),
        Format::Markdown => report::markdown(&dossier, &evaluation, &referential, command.lang),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            // A reader that stops early (`| head`) is not an error worth a panic.
            use std::io::Write as _;
            let _ = writeln!(std::io::stdout(), "{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("fabrique: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn options_are_read_in_any_order() {
        assert_eq!(
            parse_args(&args(&[
                "eval", "--format", "json", "d.json", "--lang", "en"
            ])),
            Ok(EvalCommand {
                action: Action::Eval,
                file: "d.json".to_owned(),
                format: Format::Json,
                lang: Lang::En,
                base: DEFAULT_BASE.to_owned(),
                territory_data: None,
            })
        );
    }

    #[test]
    fn bad_command_lines_say_what_is_wrong() {
        for (words, expected) in [
            (vec![], "usage"),
            (vec!["evaluate", "d.json"], "unknown command"),
            (vec!["eval"], "no dossier file"),
            (vec!["eval", "d.json", "--format", "pdf"], "--format takes"),
            (vec!["eval", "d.json", "--format"], "--format takes"),
            (vec!["eval", "a.json", "b.json"], "one file at a time"),
            (vec!["eval", "d.json", "--verbose"], "unknown option"),
        ] {
            let error = parse_args(&args(&words)).expect_err("refused");
            assert!(error.contains(expected), "{words:?}: {error}");
        }
    }

    fn temporary_file(name: &str, contents: &str) -> String {
        let path = std::env::temp_dir().join(format!("fabrique-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("temporary file written");
        path.to_string_lossy().into_owned()
    }

    #[test]
    fn bad_dossiers_are_refused_with_the_reason() {
        for (name, contents, expected) in [
            (
                "broken.json",
                "{\"schema_version\": 2, \"name\": ",
                "not a readable dossier",
            ),
            ("future.json", "{\"schema_version\": 99}", "newer Fabrique"),
            ("array.json", "[1, 2]", "not a readable dossier"),
        ] {
            let path = temporary_file(name, contents);
            let error = run(&args(&["eval", &path])).expect_err("refused");
            assert!(
                error.contains(expected) && error.contains(&path),
                "{name}: {error}"
            );
        }
    }

    #[test]
    fn every_format_prints_the_verdict() {
        let path = temporary_file(
            "empty.json",
            "{\"schema_version\": 2, \"name\": \"Le Moulin\"}",
        );
        for format in ["text", "markdown", "json"] {
            let output = run(&args(&["eval", &path, "--format", format])).expect("evaluated");
            assert!(output.contains("Le Moulin") || format == "json", "{format}");
            assert!(
                output.contains("pas encore prêt") || output.contains("pas_encore_pret"),
                "{format}: {output}"
            );
        }
    }

    #[test]
    fn the_presentation_is_written_from_a_file_or_a_link_without_a_score() {
        let path = format!(
            "{}/../core/tests/fixtures/strong-rural-hub.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let from_file = run(&args(&["present", &path])).expect("written");
        assert!(
            from_file.starts_with("# La Grange numérique\n"),
            "{from_file}"
        );
        assert!(
            from_file.contains("## Le budget de fonctionnement"),
            "{from_file}"
        );
        assert!(!from_file.contains("Score"), "{from_file}");
        let made = run(&args(&["link", &path])).expect("a link");
        let from_link = run(&args(&["present", &made])).expect("written");
        assert_eq!(from_link, from_file);
        let english = run(&args(&["present", &path, "--lang", "en"])).expect("written");
        assert!(english.contains("## The operating budget"), "{english}");
        let error = run(&args(&["present", &path, "--format", "json"])).expect_err("refused");
        assert!(error.contains("Markdown"), "{error}");
    }

    #[test]
    fn a_link_is_made_from_a_file_and_evaluated_like_it() {
        let path = temporary_file(
            "linked.json",
            "{\"schema_version\": 2, \"name\": \"Le Lien\"}",
        );
        let made = run(&args(&[
            "link",
            &path,
            "--base",
            "https://exemple.fr/fabrique/",
        ]))
        .expect("a link");
        let prefix = format!(
            "https://exemple.fr/fabrique/#d{}-",
            fabrique_core::link::LINK_VERSION
        );
        assert!(made.starts_with(&prefix), "{made}");
        let from_file = run(&args(&["eval", &path, "--format", "json"])).expect("evaluated");
        let from_link = run(&args(&["eval", &made, "--format", "json"])).expect("evaluated");
        assert_eq!(from_file, from_link);
        let error = run(&args(&["eval", "https://exemple.fr/#d1-abc"])).expect_err("refused");
        assert!(error.contains("link"), "{error}");
    }

    #[test]
    fn the_funding_plan_is_reported_with_the_app_s_rules_in_both_languages() {
        let path = format!(
            "{}/../core/tests/fixtures/ineligible-town-led.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let french = run(&args(&["eval", &path])).expect("evaluated");
        assert!(
            french.contains("Fabriques de territoire, édition 2023"),
            "{french}"
        );
        assert!(french.contains("DÉPASSÉ"), "{french}");
        assert!(french.contains("Ramener les aides publiques"), "{french}");
        let english = run(&args(&["eval", &path, "--lang", "en"])).expect("evaluated");
        assert!(
            english.contains("Fabriques de territoire, 2023 edition"),
            "{english}"
        );
        assert!(english.contains("EXCEEDED"), "{english}");
        assert!(english.contains("Bring public aid for"), "{english}");
        assert!(!english.contains("Ramener"), "{english}");
    }

    /// Every string a dossier holds: what its holder typed, French by nature.
    fn typed_strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) if !text.trim().is_empty() => out.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| typed_strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| typed_strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn english_output_has_no_french_outside_names_titles_and_what_the_holder_typed() {
        // Proper nouns and titles kept in French on purpose (the programme's, the calls',
        // the zoning's names), and quoted titles.
        const NAMES: [&str; 12] = [
            "Fabrique numérique de territoire",
            "Fabriques de territoire",
            "Fabrique de territoire",
            "Fabrique numérique",
            "Manufacture de proximité",
            "France Ruralités Revitalisation",
            "Nouveaux lieux, nouveaux liens",
            "Fonds tiers-lieux",
            "Action Logement",
            "France Tiers-Lieux",
            "population DGF",
            "potentiel financier",
        ];
        const FRENCH: [&str; 18] = [
            " le ", " la ", " les ", " des ", " du ", " et ", " pour ", " avec ", " dans ",
            " sur ", " aux ", " une ", " est ", " pas ", " ou ", " au ", " à ", " d'",
        ];
        let fixtures = format!("{}/../core/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
        for name in [
            "strong-rural-hub",
            "fragile-qpv-digital",
            "ineligible-town-led",
            "manufacture-reemploi",
        ] {
            let path = format!("{fixtures}/{name}.json");
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture"))
                    .expect("json");
            let mut typed = Vec::new();
            typed_strings(&json, &mut typed);
            // Longest first, so that a name is removed before a part of it.
            typed.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let english = run(&args(&["eval", &path, "--lang", "en"])).expect("evaluated");
            assert!(
                !english.contains(" : "),
                "{name}: French colon spacing in\n{english}"
            );
            assert!(
                !english.contains('\u{202f}') && !english.contains("\u{a0}€"),
                "{name}: French number in\n{english}"
            );
            assert!(
                !english.contains("ETP"),
                "{name}: French unit in\n{english}"
            );
            for line in english.lines() {
                let mut rest = format!(" {line} ");
                for text in typed.iter().map(String::as_str).chain(NAMES) {
                    rest = rest.replace(text, " ");
                }
                // Quoted titles (“…”, « … ») are cited as they are.
                while let (Some(open), Some(close)) = (rest.find('“'), rest.find('”')) {
                    if close < open {
                        break;
                    }
                    rest.replace_range(open..close + '”'.len_utf8(), " ");
                }
                for word in FRENCH {
                    assert!(
                        !rest.contains(word),
                        "{name}: French word {word:?} in {line:?}"
                    );
                }
            }
        }
    }

    /// A package folder of the shape of `@etalab/decoupage-administratif`, with two
    /// communes: what `territory` and `--territory-data` read.
    fn small_package() -> String {
        let folder =
            std::env::temp_dir().join(format!("fabrique-cli-{}-package", std::process::id()));
        std::fs::create_dir_all(folder.join("data")).expect("folder");
        let files = [
            (
                "package.json",
                r#"{"name":"@etalab/decoupage-administratif","version":"6.0.0"}"#,
            ),
            (
                "README.md",
                "| Année | Version |\n|---|---|\n| 2026 | 6.0.0 | npm |\n",
            ),
            (
                "data/communes.json",
                r#"[{"code":"15187","nom":"Saint-Flour","type":"commune-actuelle","departement":"15",
                    "codesPostaux":["15100"],"population":6391},
                    {"code":"43200","nom":"Saint-Flour","type":"commune-actuelle","departement":"43",
                        "codesPostaux":["43300"],"population":80},
                    {"code":"15001","nom":"Allanche","type":"commune-actuelle","departement":"15",
                        "codesPostaux":["15160"],"population":700}]"#,
            ),
            (
                "data/epci.json",
                r#"[{"code":"200066660","nom":"CC de Saint-Flour","type":"CC","populationTotale":24190,
                    "membres":[{"code":"15187"}]}]"#,
            ),
            (
                "data/departements.json",
                r#"[{"code":"15","nom":"Cantal","region":"84","zone":"metro"},{"code":"43","nom":"Haute-Loire",
                    "region":"84","zone":"metro"}]"#,
            ),
            (
                "data/regions.json",
                r#"[{"code":"84","nom":"Auvergne-Rhône-Alpes"}]"#,
            ),
        ];
        for (name, text) in files {
            std::fs::write(folder.join(name), text).expect("written");
        }
        folder.to_string_lossy().into_owned()
    }

    #[test]
    fn the_territory_files_are_built_from_the_package() {
        let package = small_package();
        let out =
            std::env::temp_dir().join(format!("fabrique-cli-{}-territoire", std::process::id()));
        let out = out.to_string_lossy().into_owned();
        let said = run(&args(&["territory", &package, &out])).expect("built");
        // index, two name files (stf, all), two postal files, two départements.
        assert!(said.starts_with("7 files"), "{said}");
        let index = std::fs::read_to_string(format!("{out}/index.tsv")).expect("index");
        assert!(
            index.starts_with("fabrique-territoire\t6.0.0\t2026\n"),
            "{index}"
        );
        assert!(std::fs::read_to_string(format!("{out}/noms/stf.tsv"))
            .expect("names")
            .contains("15187"));
        let error = run(&args(&["territory", "/nonexistent", &out])).expect_err("refused");
        assert!(error.contains("/nonexistent/package.json"), "{error}");
    }

    #[test]
    fn eval_fills_an_empty_territory_and_keeps_what_the_file_says() {
        let package = small_package();
        let path = temporary_file(
            "allanche.json",
            r#"{"schema_version": 4, "name": "La Halle", "identity": {"commune": "Allanche",
                "epci": "Pays de Murat"}}"#,
        );
        let output = run(&args(&[
            "eval",
            &path,
            "--format",
            "json",
            "--territory-data",
            &package,
        ]))
        .expect("evaluated");
        let without = run(&args(&["eval", &path, "--format", "json"])).expect("evaluated");
        assert_ne!(output, without);
        // The population came from the data; the EPCI the file names is kept.
        let made = run(&args(&["link", &path, "--territory-data", &package])).expect("a link");
        let identity = link::decode(&made).expect("decodes").dossier.identity;
        assert_eq!(identity.commune_population, Some(700));
        assert_eq!(identity.epci, "Pays de Murat");
        assert_eq!(
            identity.official.map(|o| o.insee_code),
            Some("15001".to_owned())
        );
        let homonym = temporary_file(
            "flour.json",
            r#"{"schema_version": 4, "identity": {"commune": "Saint-Flour"}}"#,
        );
        let error =
            run(&args(&["eval", &homonym, "--territory-data", &package])).expect_err("ambiguous");
        assert!(
            error.contains("several communes") && error.contains("15, 43"),
            "{error}"
        );
    }

    #[test]
    fn unreadable_files_are_named_in_the_error() {
        let error = run(&args(&["eval", "/nonexistent/dossier.json"])).expect_err("refused");
        assert!(error.contains("/nonexistent/dossier.json"), "{error}");
    }
}

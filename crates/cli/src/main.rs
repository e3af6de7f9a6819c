//! `fabrique`, the command line over `fabrique-core`: evaluates a dossier file with exactly
//! the rules of the app, for scripts, reviews of the referential, and advisers.
//!
//! ```text
//! fabrique eval FILE.json|LINK [--format text|json|markdown] [--lang fr|en]
//! fabrique link FILE.json [--base https://…/]
//! ```

use fabrique_core::evaluation::evaluate;
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::report;
use fabrique_core::{dossier, link};
use std::process::ExitCode;

const USAGE: &str = "usage: fabrique eval FILE.json|LINK [--format text|json|markdown] [--lang fr|en]\n       fabrique link FILE.json [--base https://…/]";

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
}

fn parse_args(args: &[String]) -> Result<EvalCommand, String> {
    let mut args = args.iter();
    let action = match args.next().map(String::as_str) {
        Some("eval") => Action::Eval,
        Some("link") => Action::Link,
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
        None => return Err(USAGE.to_owned()),
    };
    let mut file = None;
    let mut format = Format::Text;
    let mut lang = Lang::Fr;
    let mut base = DEFAULT_BASE.to_owned();
    while let Some(arg) = args.next() {
        match arg.as_str() {
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
    })
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
    let command = parse_args(args)?;
    let (dossier, weights) = read_input(&command.file)?;
    let referential = Referential::builtin(dossier.variant()).with_weights(&weights);
    if command.action == Action::Link {
        let snapshot = link::Snapshot {
            weights,
            referential_version: referential.version,
            saved_at_ms: 0,
            dossier,
        };
        return Ok(link::to_link(&command.base, &snapshot));
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
            println!("{output}");
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

    #[test]
    fn unreadable_files_are_named_in_the_error() {
        let error = run(&args(&["eval", "/nonexistent/dossier.json"])).expect_err("refused");
        assert!(error.contains("/nonexistent/dossier.json"), "{error}");
    }
}

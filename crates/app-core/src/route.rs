//! Screens and their addresses. Everything lives in the query string (`?dossier=<id>`,
//! `?page=reglages`), never in the path, so that every screen survives a reload on any
//! static host and under any sub-path; the fragment (`#…`) is left to snapshot links.

use crate::id::DossierId;
use fabrique_core::evaluation::Section;
use fabrique_core::review;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of dossiers.
    Home,
    /// One dossier's editor.
    Dossier { id: DossierId },
    /// One of a dossier's documents.
    Report { id: DossierId, document: Document },
    /// Dossiers side by side, 2 to 6: local ones, and a snapshot received by link (its token,
    /// kept in the fragment like any snapshot's).
    Compare {
        ids: Vec<DossierId>,
        snapshot: Option<String>,
    },
    /// The settings.
    Settings,
    /// A snapshot received as a link (read-only; local dossiers untouched).
    Snapshot { token: String },
    /// A partner's reply to a snapshot (nothing merged until the holder accepts it).
    Reply { token: String },
}

/// The most dossiers compared side by side.
pub const COMPARE_MAX: usize = 6;

/// The documents of a dossier: the dossier de présentation for a jury, and Fabrique's
/// self-evaluation as a two-page summary or a full report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Presentation,
    Summary,
    Full,
}

impl Document {
    /// Every document, in the order the app offers them.
    pub const ALL: [Document; 3] = [Document::Presentation, Document::Summary, Document::Full];

    /// Its name in the address (`rapport=…`).
    pub fn slug(self) -> &'static str {
        match self {
            Document::Presentation => "presentation",
            Document::Summary => "synthese",
            Document::Full => "complet",
        }
    }

    /// The document an address names.
    pub fn from_slug(slug: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.slug() == slug)
    }
}

/// The value of `name` in a query string (`?a=1&b=2`), undecoded: every value the app
/// writes is plain ASCII.
pub fn query_value<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

impl Route {
    /// The screen an address names: a snapshot or a reply when its fragment carries one, or
    /// when a mail filter or a chat app moved it (a `?s=` query, a `#` encoded again as `%23`
    /// or `%2523` in the query or the path), else what its query names.
    pub fn from_location(path: &str, query: &str, hash: &str) -> Route {
        let link = |token: &str| {
            let token = token.to_owned();
            if review::is_reply(&token) {
                Route::Reply { token }
            } else {
                Route::Snapshot { token }
            }
        };
        let fragment = hash.trim_start_matches('#');
        if !fragment.is_empty() && !review::is_reply(fragment) {
            if let Some(ids) = compared_ids(query, 1) {
                return Route::Compare {
                    ids,
                    snapshot: Some(fragment.to_owned()),
                };
            }
        }
        if !fragment.is_empty() {
            return link(fragment);
        }
        if let Some(token) = query_value(query, "s").filter(|token| !token.is_empty()) {
            return link(token);
        }
        for text in [query, path] {
            for encoded in ["%2523", "%23"] {
                if let Some((_, token)) = text.split_once(encoded) {
                    return link(token);
                }
            }
        }
        Route::from_query(query)
    }

    /// The screen a query string names; anything unknown or malformed is the home screen.
    pub fn from_query(query: &str) -> Route {
        if let Some(id) = query_value(query, "dossier").and_then(DossierId::parse) {
            return match query_value(query, "rapport").and_then(Document::from_slug) {
                Some(document) => Route::Report { id, document },
                None => Route::Dossier { id },
            };
        }
        if let Some(ids) = compared_ids(query, 0) {
            return Route::Compare {
                ids,
                snapshot: None,
            };
        }
        if query_value(query, "page") == Some("reglages") {
            return Route::Settings;
        }
        Route::Home
    }

    /// The query string that names this screen (empty for the home screen).
    pub fn to_query(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Dossier { id } => format!("?dossier={id}"),
            Route::Report { id, document } => {
                format!("?dossier={id}&rapport={}", document.slug())
            }
            Route::Compare { ids, snapshot } => format!(
                "?comparer={}{}",
                ids.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                snapshot
                    .as_ref()
                    .map(|token| format!("#{token}"))
                    .unwrap_or_default()
            ),
            Route::Settings => "?page=reglages".to_owned(),
            Route::Snapshot { token } | Route::Reply { token } => format!("#{token}"),
        }
    }
}

/// The local dossiers a comparison names, when with `others` more (a snapshot) they make
/// 2 to [`COMPARE_MAX`].
fn compared_ids(query: &str, others: usize) -> Option<Vec<DossierId>> {
    let ids: Option<Vec<DossierId>> = query_value(query, "comparer")?
        .split(',')
        .map(DossierId::parse)
        .collect();
    ids.filter(|ids| !ids.is_empty() && (2..=COMPARE_MAX).contains(&(ids.len() + others)))
}

/// The section a query string names, if any.
pub fn section_in_query(query: &str) -> Option<Section> {
    Section::from_slug(query_value(query, "section")?)
}

/// The address of a dossier's section.
pub fn dossier_section_query(id: &DossierId, section: Section) -> String {
    format!("?dossier={id}&section={}", section.slug())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fabrique_core::label::Label;

    fn id(text: &str) -> DossierId {
        DossierId::parse(text).expect("a valid identifier")
    }

    /// The home bundle (#20) is chosen by public/first-screen.js for a bare address only:
    /// no query but `?`, no fragment but `#`, no encoded `#` in the path. Such an address
    /// must be the home here too, or the home bundle would load the page again for ever.
    #[test]
    fn a_bare_address_is_the_home() {
        for path in ["/", "/fabrique/", "/index.html", "/a%25b/"] {
            for query in ["", "?"] {
                for hash in ["", "#"] {
                    assert_eq!(
                        Route::from_location(path, query, hash),
                        Route::Home,
                        "{path}{query}{hash}"
                    );
                }
            }
        }
        // What first-screen.js does not call bare is not the home here either.
        assert_ne!(Route::from_location("/x%23d6-A/", "", ""), Route::Home);
        assert_ne!(Route::from_location("/x%2523d6-A/", "", ""), Route::Home);
    }

    #[test]
    fn queries_name_screens_and_nothing_else() {
        assert_eq!(
            Route::from_query("?dossier=0123456789abcdef&section=budget"),
            Route::Dossier {
                id: id("0123456789abcdef")
            }
        );
        assert_eq!(Route::from_query("?page=reglages"), Route::Settings);
        for query in [
            "",
            "?",
            "?dossier=../etc",
            "?dossier=",
            "?page=autre",
            "?x=1&&=",
        ] {
            assert_eq!(Route::from_query(query), Route::Home, "{query}");
        }
    }

    #[test]
    fn a_fragment_or_an_s_query_is_a_snapshot() {
        let snapshot = Route::Snapshot {
            token: "d1-abc".to_owned(),
        };
        assert_eq!(
            Route::from_location("/", "?dossier=0123456789abcdef", "#d1-abc"),
            snapshot
        );
        assert_eq!(Route::from_location("/", "?s=d1-abc", ""), snapshot);
        assert_eq!(Route::from_location("/", "?%23d1-abc", ""), snapshot);
        assert_eq!(
            Route::from_location("/fabrique/%2523d1-abc", "", ""),
            snapshot
        );
        assert_eq!(
            Route::from_location("/", "?page=reglages", "#"),
            Route::Settings
        );
    }

    #[test]
    fn a_reply_is_told_from_a_snapshot_in_every_form() {
        let reply = Route::Reply {
            token: "r1-abc".to_owned(),
        };
        assert_eq!(Route::from_location("/", "", "#r1-abc"), reply);
        assert_eq!(Route::from_location("/", "?s=r1-abc", ""), reply);
        assert_eq!(Route::from_location("/", "?%23r1-abc", ""), reply);
        // Not a reply: a snapshot, or something the snapshot view will explain.
        assert!(matches!(
            Route::from_location("/", "", "#rien"),
            Route::Snapshot { .. }
        ));
    }

    #[test]
    fn every_screen_reads_back_from_its_query() {
        for route in [
            Route::Home,
            Route::Settings,
            Route::Dossier {
                id: id("00000000000000ff"),
            },
        ]
        .into_iter()
        .chain(Document::ALL.map(|document| Route::Report {
            id: id("00000000000000ff"),
            document,
        })) {
            assert_eq!(Route::from_query(&route.to_query()), route);
        }
        let three = Route::Compare {
            ids: vec![
                id("0000000000000001"),
                id("0000000000000002"),
                id("0000000000000003"),
            ],
            snapshot: None,
        };
        assert_eq!(
            three.to_query(),
            "?comparer=0000000000000001,0000000000000002,0000000000000003"
        );
        assert_eq!(Route::from_query(&three.to_query()), three);
        // One dossier, seven, or a malformed one is no comparison.
        for query in [
            "?comparer=0000000000000001",
            "?comparer=1,2",
            "?comparer=0000000000000001,0000000000000002,0000000000000003,0000000000000004,0000000000000005,\
                0000000000000006,0000000000000007",
        ] {
            assert_eq!(Route::from_query(query), Route::Home, "{query}");
        }
        // A snapshot received and one local dossier: the token stays in the fragment.
        let with_snapshot = Route::Compare {
            ids: vec![id("0000000000000001")],
            snapshot: Some("d6-abc".to_owned()),
        };
        assert_eq!(
            with_snapshot.to_query(),
            "?comparer=0000000000000001#d6-abc"
        );
        assert_eq!(
            Route::from_location("/", "?comparer=0000000000000001", "#d6-abc"),
            with_snapshot
        );
        // Without the comparison, the fragment is the snapshot itself; a reply is a reply.
        assert_eq!(
            Route::from_location("/", "", "#d6-abc"),
            Route::Snapshot {
                token: "d6-abc".to_owned()
            }
        );
        assert!(matches!(
            Route::from_location("/", "?comparer=0000000000000001", "#r2-abc"),
            Route::Reply { .. }
        ));
        // Addresses written before the presentation existed still open their document.
        assert_eq!(
            Route::from_query("?dossier=00000000000000ff&rapport=synthese"),
            Route::Report {
                id: id("00000000000000ff"),
                document: Document::Summary
            }
        );
        assert_eq!(
            Route::from_query("?dossier=00000000000000ff&rapport=inconnu"),
            Route::Dossier {
                id: id("00000000000000ff")
            }
        );
        for &section in Section::ALL {
            assert_eq!(
                section_in_query(&dossier_section_query(&id("00000000000000ff"), section)),
                Some(section)
            );
        }
        assert_eq!(section_in_query("?section=inconnue"), None);
    }
}

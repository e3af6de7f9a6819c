//! Partners' reviews, with no server: a partner who received a snapshot link writes a
//! review (who they are, comments per section, a commitment) and sends back a **reply
//! link**, `r<version>-<payload>`, in the snapshot links' codec (postcard, raw DEFLATE,
//! base64url) and with the same caps and typed errors. The reply names the version of the
//! dossier it answers by its [`fingerprint`].
//!
//! Nothing in a reply changes a dossier until the holder accepts it; then [`merge`] adds
//! the partner (or updates it with the commitment, marked as declared by the partner) and
//! keeps the review, comments included, in the dossier. Merging the same reply again
//! changes nothing.

use crate::dossier::{Dossier, Partner, PartnerCategory};
use crate::evaluation::Section;
use crate::link::{self, LinkError};
use crate::units::Cents;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The current reply link version.
pub const REPLY_VERSION: u32 = 1;
/// The longest organisation or person name a reply may carry.
pub const MAX_NAME_CHARS: usize = 200;

/// What a partner commits to bring.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commitment {
    /// A letter of support is promised.
    pub letter_of_support: bool,
    /// Goods, services or premises.
    pub in_kind: bool,
    /// Money, with its amount.
    pub financial_amount: Option<Cents>,
    /// A seat in the place's governance.
    pub governance_seat: bool,
}

impl Commitment {
    /// The partner commits to nothing.
    pub fn is_empty(&self) -> bool {
        !self.letter_of_support
            && !self.in_kind
            && !self.governance_seat
            && self.financial_amount.is_none_or(|amount| amount.0 == 0)
    }
}

/// A partner's review of a snapshot, as a reply link carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// The [`fingerprint`] of the dossier the partner read.
    pub answers: u64,
    /// The dossier's name as the partner read it (to name it when it is not found).
    pub dossier_name: String,
    /// The partner's organisation (commune, company, association…).
    pub organisation: String,
    /// Who writes, in the organisation.
    pub person: String,
    pub category: PartnerCategory,
    /// Comments, by section of the dossier.
    pub comments: BTreeMap<Section, String>,
    pub commitment: Commitment,
    /// When the reply was made, in milliseconds since 1970.
    pub written_at_ms: u64,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            answers: 0,
            dossier_name: String::new(),
            organisation: String::new(),
            person: String::new(),
            category: PartnerCategory::Other,
            comments: BTreeMap::new(),
            commitment: Commitment::default(),
            written_at_ms: 0,
        }
    }
}

/// A review the holder merged into the dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReceivedReview {
    /// The review's own fingerprint ([`review_id`]): the same reply is merged once.
    pub id: u64,
    pub review: Review,
    /// When the holder merged it.
    pub merged_at_ms: u64,
    /// It answered an older version of the dossier than the one it was merged into.
    pub answered_older_version: bool,
}

fn hash(binary: &[u8]) -> u64 {
    xxhash_rust::xxh64::xxh64(binary, 0)
}

/// A version of a dossier, as a number: the hash (xxHash64) of the dossier as a link
/// carries it. Any change to an answer changes it; the holder's reviews do not.
pub fn fingerprint(dossier: &Dossier) -> u64 {
    hash(&postcard::to_allocvec(&link::shareable(dossier)).unwrap_or_default())
}

/// A review's own fingerprint: two identical replies are the same review.
pub fn review_id(review: &Review) -> u64 {
    hash(&postcard::to_allocvec(review).unwrap_or_default())
}

/// The token (`r1-…`) of a reply.
pub fn encode(review: &Review) -> String {
    format!("r{REPLY_VERSION}-{}", link::pack(review))
}

/// A whole reply link: the app's address and the token as fragment.
pub fn to_link(app_address: &str, review: &Review) -> String {
    let base = app_address.split(['#', '?']).next().unwrap_or(app_address);
    format!("{base}#{}", encode(review))
}

/// Whether a link, fragment or token is a reply (rather than a snapshot).
pub fn is_reply(text: &str) -> bool {
    let mut chars = link::extract_token(text).chars();
    chars.next() == Some('r') && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// Reads a reply, with the caps and typed errors of snapshot links.
pub fn decode(text: &str) -> Result<Review, LinkError> {
    let (version, payload) = link::split_token(text, 'r')?;
    match version {
        1 => check(link::unpack(&payload)?),
        future => Err(LinkError::FutureVersion(future)),
    }
}

fn check(review: Review) -> Result<Review, LinkError> {
    let organisation = review.organisation.trim();
    if organisation.is_empty() {
        return Err(LinkError::Invalid(
            "a review names its organisation".to_owned(),
        ));
    }
    for name in [organisation, review.person.trim()] {
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(LinkError::Invalid("name too long".to_owned()));
        }
    }
    if review.commitment.financial_amount.is_some_and(|a| a.0 < 0) {
        return Err(LinkError::Invalid("negative amount".to_owned()));
    }
    Ok(review)
}

/// A name as partners are matched: case, spaces and their number do not count.
fn matching_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The partner of the dossier that a review comes from, by name.
pub fn partner_of(dossier: &Dossier, review: &Review) -> Option<usize> {
    let wanted = matching_name(&review.organisation);
    dossier
        .partners
        .iter()
        .position(|partner| matching_name(&partner.name) == wanted)
}

/// When the dossier already holds this review.
pub fn already_merged<'d>(dossier: &'d Dossier, review: &Review) -> Option<&'d ReceivedReview> {
    let id = review_id(review);
    dossier.reviews.iter().find(|received| received.id == id)
}

/// What [`merge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    /// The review was merged before (at that time): nothing changed.
    AlreadyMerged { merged_at_ms: u64 },
    /// The review was merged: the partner added, or updated.
    Merged {
        partner_added: bool,
        answered_older_version: bool,
    },
}

/// Merges a review the holder accepted: the partner is added to the partners, or updated
/// with what it commits to (commitments only add: a promised letter is never withdrawn by
/// a later review), and marked as declared by the partner; the review is kept with its
/// comments. Merging the same review again changes nothing.
pub fn merge(dossier: &mut Dossier, review: &Review, now_ms: u64) -> MergeOutcome {
    if let Some(received) = already_merged(dossier, review) {
        return MergeOutcome::AlreadyMerged {
            merged_at_ms: received.merged_at_ms,
        };
    }
    let answered_older_version = fingerprint(dossier) != review.answers;
    let commitment = &review.commitment;
    let index = partner_of(dossier, review);
    let partner_added = index.is_none();
    let index = index.unwrap_or_else(|| {
        dossier.partners.push(Partner {
            name: review.organisation.trim().to_owned(),
            ..Partner::default()
        });
        dossier.partners.len() - 1
    });
    if let Some(partner) = dossier.partners.get_mut(index) {
        // The partner knows its own category; "Autre" (left as it was) keeps the holder's.
        if partner_added || review.category != PartnerCategory::Other {
            partner.category = review.category;
        }
        partner.letter_of_support |= commitment.letter_of_support;
        partner.in_kind |= commitment.in_kind;
        partner.governance_seat |= commitment.governance_seat;
        if let Some(amount) = commitment.financial_amount.filter(|a| a.0 > 0) {
            partner.financial_amount = Some(amount);
        }
        partner.declared_by_partner = true;
    }
    dossier.reviews.push(ReceivedReview {
        id: review_id(review),
        review: review.clone(),
        merged_at_ms: now_ms,
        answered_older_version,
    });
    MergeOutcome::Merged {
        partner_added,
        answered_older_version,
    }
}

/// The comments the dossier's reviews made on a section, oldest first.
pub fn comments_on(dossier: &Dossier, section: Section) -> Vec<(&ReceivedReview, &str)> {
    dossier
        .reviews
        .iter()
        .filter_map(|received| {
            received
                .review
                .comments
                .get(&section)
                .map(|text| text.trim())
                .filter(|text| !text.is_empty())
                .map(|text| (received, text))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn review(organisation: &str) -> Review {
        Review {
            answers: 42,
            dossier_name: "Le Moulin".to_owned(),
            organisation: organisation.to_owned(),
            person: "Claire Martin".to_owned(),
            category: PartnerCategory::Collectivite,
            comments: BTreeMap::from([(Section::Partners, "Nous soutenons.".to_owned())]),
            commitment: Commitment {
                letter_of_support: true,
                ..Commitment::default()
            },
            written_at_ms: 1_764_400_000_000,
        }
    }

    pub(crate) fn received(organisation: &str) -> ReceivedReview {
        let review = review(organisation);
        ReceivedReview {
            id: review_id(&review),
            review,
            merged_at_ms: 1,
            answered_older_version: false,
        }
    }

    fn dossier() -> Dossier {
        Dossier {
            name: "Le Moulin".to_owned(),
            partners: vec![Partner {
                name: "Mairie de  Saint-Martin".to_owned(),
                category: PartnerCategory::Other,
                ..Partner::default()
            }],
            ..Dossier::default()
        }
    }

    #[test]
    fn a_reply_survives_its_link() {
        let original = review("Mairie « de » Saint-Martin & co");
        let link = to_link("https://exemple.fr/fabrique/?dossier=01#d2-x", &original);
        assert!(
            link.starts_with("https://exemple.fr/fabrique/#r1-"),
            "{link}"
        );
        assert!(is_reply(&link));
        assert!(!is_reply("https://exemple.fr/#d2-abc"));
        assert_eq!(decode(&link), Ok(original));
    }

    #[test]
    fn bad_replies_give_the_links_typed_errors() {
        let token = encode(&review("Mairie"));
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("d2-abc"), Err(LinkError::UnknownFormat));
        assert_eq!(decode("r0-abc"), Err(LinkError::UnknownFormat));
        assert_eq!(decode("r9-abc"), Err(LinkError::FutureVersion(9)));
        assert_eq!(decode(&token[..token.len() / 2]), Err(LinkError::Truncated));
        assert_eq!(
            decode(&format!("r1-{}", "A".repeat(9_000))),
            Err(LinkError::TooLong { chars: 9_003 })
        );
        for bad in [
            review("   "),
            review(&"x".repeat(MAX_NAME_CHARS + 1)),
            Review {
                commitment: Commitment {
                    financial_amount: Some(Cents(-1)),
                    ..Commitment::default()
                },
                ..review("Mairie")
            },
        ] {
            assert!(
                matches!(decode(&encode(&bad)), Err(LinkError::Invalid(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_fingerprint_follows_answers_not_reviews() {
        let mut dossier = dossier();
        let before = fingerprint(&dossier);
        dossier.reviews.push(received("Mairie"));
        assert_eq!(fingerprint(&dossier), before);
        dossier.governance.animator = "Léa".to_owned();
        assert_ne!(fingerprint(&dossier), before);
    }

    #[test]
    fn merging_updates_a_known_partner_once() {
        let mut dossier = dossier();
        let mut review = review("mairie de saint-martin");
        review.answers = fingerprint(&dossier);
        review.commitment.financial_amount = Some(Cents(500_000));
        let outcome = merge(&mut dossier, &review, 7);
        assert_eq!(
            outcome,
            MergeOutcome::Merged {
                partner_added: false,
                answered_older_version: false
            }
        );
        assert_eq!(dossier.partners.len(), 1);
        let partner = &dossier.partners[0];
        assert!(partner.letter_of_support && partner.declared_by_partner);
        assert_eq!(partner.category, PartnerCategory::Collectivite);
        assert_eq!(partner.financial_amount, Some(Cents(500_000)));
        assert_eq!(
            comments_on(&dossier, Section::Partners)[0].1,
            "Nous soutenons."
        );
        let merged_once = dossier.clone();
        assert_eq!(
            merge(&mut dossier, &review, 8),
            MergeOutcome::AlreadyMerged { merged_at_ms: 7 }
        );
        assert_eq!(dossier, merged_once);
    }

    #[test]
    fn merging_adds_an_unknown_partner_and_notes_an_older_version() {
        let mut dossier = dossier();
        let review = review("Coopérative du Bocage");
        let outcome = merge(&mut dossier, &review, 7);
        assert_eq!(
            outcome,
            MergeOutcome::Merged {
                partner_added: true,
                answered_older_version: true
            }
        );
        assert_eq!(dossier.partners.len(), 2);
        assert_eq!(dossier.partners[1].name, "Coopérative du Bocage");
        assert!(dossier.reviews[0].answered_older_version);
    }

    #[test]
    fn the_evaluation_says_which_letters_the_partners_declared() {
        use crate::evaluation::evaluate;
        use crate::referential::{Lang, Referential};
        let mut dossier = dossier();
        merge(&mut dossier, &review("Mairie de Saint-Martin"), 1);
        let referential = Referential::builtin(dossier.variant());
        let evaluation = evaluate(&dossier, referential, Lang::Fr);
        let letters = evaluation
            .criteria
            .iter()
            .flat_map(|c| &c.indicators)
            .find(|i| &*i.id == "partenariats.lettres")
            .expect("the letters indicator");
        assert_eq!((letters.value, letters.declared_by_partners), (1, 1));
        assert!(
            letters
                .explanation
                .contains("1 lettre de soutien (dont 1 sur déclaration du partenaire)"),
            "{}",
            letters.explanation
        );
    }

    #[test]
    fn a_partner_that_leaves_its_category_unsaid_keeps_the_holder_s() {
        let mut dossier = dossier();
        dossier.partners[0].category = PartnerCategory::Business;
        let mut unsaid = review("Mairie de Saint-Martin");
        unsaid.category = PartnerCategory::Other;
        merge(&mut dossier, &unsaid, 1);
        assert_eq!(dossier.partners[0].category, PartnerCategory::Business);
        let said = review("Mairie de Saint-Martin");
        merge(&mut dossier, &said, 2);
        assert_eq!(dossier.partners[0].category, PartnerCategory::Collectivite);
    }

    #[test]
    fn a_later_review_never_withdraws_a_commitment() {
        let mut dossier = dossier();
        merge(&mut dossier, &review("Mairie de Saint-Martin"), 1);
        let mut later = review("Mairie de Saint-Martin");
        later.commitment = Commitment::default();
        later.written_at_ms += 1;
        merge(&mut dossier, &later, 2);
        assert!(dossier.partners[0].letter_of_support);
        assert_eq!(dossier.reviews.len(), 2);
    }
}

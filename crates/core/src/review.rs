//! Partners' reviews, with no server: a partner who received a snapshot link writes a
//! review (who they are, comments per section, a commitment) and sends back a **reply
//! link**, `r<version>-<payload>`, in the snapshot links' codec (postcard, raw DEFLATE,
//! base64url) and with the same caps and typed errors. The reply names the version of the
//! dossier it answers by its [`fingerprint`].
//!
//! Nothing in a reply changes a dossier until the holder accepts it; then [`merge`] adds
//! the partner (or adds to it what the reply commits to, and replaces its amount or its
//! category only where the holder ticked it: [`changes`] lists them old → new), marks what
//! came from the reply as declared by the partner, and keeps the review, comments
//! included, in the dossier. Merging the same reply again changes nothing. Anyone holding
//! a share link can write a reply under any name: nothing in a reply is verified.

use crate::dossier::{Dossier, Partner, PartnerCategory};
use crate::evaluation::Section;
use crate::link::{self, LinkError};
use crate::units::Cents;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The current reply link version: version 2 carries a checksum after the content.
pub const REPLY_VERSION: u32 = 2;
/// The longest organisation, person or dossier name a reply may carry.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest comment a reply may carry on one section (choix de Fabrique: a long page;
/// a reply of a comment this long on every section still fits in a link).
pub const MAX_COMMENT_CHARS: usize = 2_000;

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

/// What a reply's token carries, before compression ([`link::Uncompressed`]); none when the
/// decoder would refuse it (a text beyond its cap, a reply too large).
pub fn prepare(review: &Review) -> Result<link::Uncompressed, link::EncodeError> {
    check(review).map_err(|error| link::EncodeError::Invalid(error.to_string()))?;
    link::uncompressed('r', REPLY_VERSION, review)
}

/// The token (`r2-…`) of a prepared reply, once compressed: made only when it opens.
pub fn finish(
    content: &link::Uncompressed,
    compressed: &[u8],
) -> Result<String, link::EncodeError> {
    let token = content.token(compressed)?;
    // Read back once, as a snapshot's: what the reader refuses is not made.
    decode(&token).map_err(|error| link::EncodeError::Invalid(error.to_string()))?;
    Ok(token)
}

/// The token (`r2-…`) of a reply, compressed here ([`link::deflate`]); none when the
/// decoder would refuse it (a text beyond its cap, a reply too long for a link).
pub fn encode(review: &Review) -> Result<String, link::EncodeError> {
    let content = prepare(review)?;
    finish(&content, &link::deflate(content.bytes()))
}

/// A whole reply link: the app's address and the token as fragment.
pub fn to_link(app_address: &str, review: &Review) -> Result<String, link::EncodeError> {
    link::whole_link(app_address, &encode(review)?)
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
        1 => link::unpack(&payload).and_then(checked),
        2 => link::unpack_checked(&payload).and_then(checked),
        future => Err(LinkError::FutureVersion(future)),
    }
}

/// A decoded reply, if it is one a reply may be ([`check`]).
fn checked(review: Review) -> Result<Review, LinkError> {
    check(&review).map(|()| review)
}

/// What a reply may carry: an organisation, texts within their caps, no negative amount.
fn check(review: &Review) -> Result<(), LinkError> {
    let organisation = review.organisation.trim();
    if organisation.is_empty() {
        return Err(LinkError::Invalid(
            "a review names its organisation".to_owned(),
        ));
    }
    for name in [
        organisation,
        review.person.trim(),
        review.dossier_name.trim(),
    ] {
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(LinkError::Invalid("name too long".to_owned()));
        }
    }
    if let Some(section) = review
        .comments
        .iter()
        .find(|(_, text)| text.chars().count() > MAX_COMMENT_CHARS)
        .map(|(section, _)| section)
    {
        return Err(LinkError::Invalid(format!(
            "comment on {section:?} too long"
        )));
    }
    if review.commitment.financial_amount.is_some_and(|a| a.0 < 0) {
        return Err(LinkError::Invalid("negative amount".to_owned()));
    }
    Ok(())
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

/// What the holder chose to take from a reply for a partner the dossier already has. Its
/// amount and its category replace the holder's only when ticked: anyone holding the
/// share link can write a reply under any name. Commitments (letter, in kind, seat) only
/// add. A partner the dossier does not have is added as the reply describes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeChoices {
    /// Replace the partner's financial amount with the reply's.
    pub amount: bool,
    /// Replace the partner's category with the reply's.
    pub category: bool,
}

impl MergeChoices {
    /// Everything the reply proposes.
    pub const ALL: MergeChoices = MergeChoices {
        amount: true,
        category: true,
    };

    /// Whether merging takes `change`: what adds always; what replaces the holder's own
    /// figures only when ticked.
    pub fn takes(&self, change: Change) -> bool {
        match change {
            Change::Amount { .. } => self.amount,
            Change::Category { .. } => self.category,
            Change::Letter | Change::InKind | Change::Seat => true,
        }
    }

    /// Ticks or unticks a change that replaces (a change that adds is always taken).
    pub fn choose(&mut self, change: Change, take: bool) {
        match change {
            Change::Amount { .. } => self.amount = take,
            Change::Category { .. } => self.category = take,
            Change::Letter | Change::InKind | Change::Seat => {}
        }
    }
}

/// One thing a reply would change in a partner the dossier already has, old → new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Replaces the holder's figure: only if the holder ticks it.
    Amount { before: Option<Cents>, after: Cents },
    /// Replaces the holder's category: only if the holder ticks it.
    Category {
        before: PartnerCategory,
        after: PartnerCategory,
    },
    /// A letter of support, added.
    Letter,
    /// A contribution in kind, added.
    InKind,
    /// A seat in the governance, added.
    Seat,
}

impl Change {
    /// Whether it replaces what the holder wrote, and so waits for the holder's tick.
    pub fn replaces(self) -> bool {
        matches!(self, Change::Amount { .. } | Change::Category { .. })
    }
}

/// What a reply would change in the partner of the dossier it comes from, field by field;
/// empty when the partner is not in the dossier (it would be added whole) or when the
/// reply brings nothing new.
pub fn changes(dossier: &Dossier, review: &Review) -> Vec<Change> {
    let Some(partner) = partner_of(dossier, review).and_then(|i| dossier.partners.get(i)) else {
        return Vec::new();
    };
    let commitment = &review.commitment;
    let mut changes = Vec::new();
    if let Some(after) = commitment.financial_amount.filter(|a| a.0 > 0) {
        if partner.financial_amount != Some(after) {
            changes.push(Change::Amount {
                before: partner.financial_amount,
                after,
            });
        }
    }
    // The partner knows its own category; "Autre" (left as it was) proposes nothing.
    if review.category != PartnerCategory::Other && review.category != partner.category {
        changes.push(Change::Category {
            before: partner.category,
            after: review.category,
        });
    }
    if commitment.letter_of_support && !partner.letter_of_support {
        changes.push(Change::Letter);
    }
    if commitment.in_kind && !partner.in_kind {
        changes.push(Change::InKind);
    }
    if commitment.governance_seat && !partner.governance_seat {
        changes.push(Change::Seat);
    }
    changes
}

/// Merges a review the holder accepted: a partner the dossier does not have is added as the
/// reply describes it, marked as declared by the partner; a partner it has gains the
/// commitments the reply adds (a promised letter is never withdrawn by a later review),
/// and its amount and category change only as `choices` say. The entry is marked as
/// declared by the partner only when the reply changed it. The review is kept with its
/// comments. Merging the same review again changes nothing.
pub fn merge(
    dossier: &mut Dossier,
    review: &Review,
    now_ms: u64,
    choices: MergeChoices,
) -> MergeOutcome {
    if let Some(received) = already_merged(dossier, review) {
        return MergeOutcome::AlreadyMerged {
            merged_at_ms: received.merged_at_ms,
        };
    }
    let answered_older_version = fingerprint(dossier) != review.answers;
    let proposed = changes(dossier, review);
    let index = partner_of(dossier, review);
    let partner_added = index.is_none();
    match index.and_then(|i| dossier.partners.get_mut(i)) {
        Some(partner) => {
            let mut changed = false;
            for change in proposed.into_iter().filter(|c| choices.takes(*c)) {
                match change {
                    Change::Amount { after, .. } => partner.financial_amount = Some(after),
                    Change::Category { after, .. } => partner.category = after,
                    Change::Letter => partner.letter_of_support = true,
                    Change::InKind => partner.in_kind = true,
                    Change::Seat => partner.governance_seat = true,
                }
                changed = true;
            }
            partner.declared_by_partner |= changed;
        }
        None => {
            let commitment = &review.commitment;
            dossier.partners.push(Partner {
                name: review.organisation.trim().to_owned(),
                category: review.category,
                letter_of_support: commitment.letter_of_support,
                in_kind: commitment.in_kind,
                governance_seat: commitment.governance_seat,
                financial_amount: commitment.financial_amount.filter(|a| a.0 > 0),
                declared_by_partner: true,
                ..Partner::default()
            });
        }
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
        let link =
            to_link("https://exemple.fr/fabrique/?dossier=01#d2-x", &original).expect("link");
        assert!(
            link.starts_with("https://exemple.fr/fabrique/#r2-"),
            "{link}"
        );
        assert!(is_reply(&link));
        assert!(!is_reply("https://exemple.fr/#d2-abc"));
        assert_eq!(decode(&link), Ok(original));
    }

    #[test]
    fn a_reply_compressed_elsewhere_opens_and_a_snapshot_is_no_reply() {
        let original = review("Département");
        let content = prepare(&original).expect("content");
        for level in [0, 6, 10] {
            let compressed = miniz_oxide::deflate::compress_to_vec(content.bytes(), level);
            let token = finish(&content, &compressed).expect("a reply");
            assert_eq!(decode(&token), Ok(original.clone()), "level {level}");
        }
        assert_eq!(
            finish(&content, &link::deflate(content.bytes())),
            encode(&original)
        );
        assert!(matches!(
            finish(&content, b"n'importe quoi"),
            Err(link::EncodeError::Invalid(_))
        ));
        let snapshot = link::prepare(&link::Snapshot {
            dossier: dossier(),
            weights: BTreeMap::new(),
            referential_version: 1,
            saved_at_ms: 0,
        })
        .expect("a snapshot's content");
        assert!(matches!(
            finish(&snapshot, &link::deflate(snapshot.bytes())),
            Err(link::EncodeError::Invalid(_))
        ));
    }

    /// A reply written by hand, as a forger would: no check on the way out.
    fn forged(review: &Review) -> String {
        format!("r{REPLY_VERSION}-{}", link::pack(review).expect("packs"))
    }

    #[test]
    fn bad_replies_give_the_links_typed_errors() {
        let token = encode(&review("Mairie")).expect("reply");
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("d2-abc"), Err(LinkError::UnknownFormat));
        assert_eq!(decode("r0-abc"), Err(LinkError::UnknownFormat));
        assert_eq!(decode("r9-abc"), Err(LinkError::FutureVersion(9)));
        assert_eq!(decode(&token[..token.len() / 2]), Err(LinkError::Truncated));
        assert_eq!(
            decode(&format!("r2-{}", "A".repeat(9_000))),
            Err(LinkError::TooLong { chars: 9_003 })
        );
        let mut long_comment = review("Mairie");
        long_comment
            .comments
            .insert(Section::Budget, "é".repeat(MAX_COMMENT_CHARS + 1));
        for bad in [
            review("   "),
            review(&"x".repeat(MAX_NAME_CHARS + 1)),
            Review {
                person: "y".repeat(MAX_NAME_CHARS + 1),
                ..review("Mairie")
            },
            Review {
                dossier_name: "z".repeat(MAX_NAME_CHARS + 1),
                ..review("Mairie")
            },
            long_comment,
            Review {
                commitment: Commitment {
                    financial_amount: Some(Cents(-1)),
                    ..Commitment::default()
                },
                ..review("Mairie")
            },
        ] {
            assert!(
                matches!(decode(&forged(&bad)), Err(LinkError::Invalid(_))),
                "{bad:?}"
            );
            assert!(
                matches!(encode(&bad), Err(link::EncodeError::Invalid(_))),
                "{bad:?}"
            );
        }
        // A comment at its cap is carried.
        let mut at_cap = review("Mairie");
        at_cap
            .comments
            .insert(Section::Budget, "é".repeat(MAX_COMMENT_CHARS));
        assert_eq!(decode(&encode(&at_cap).expect("reply")), Ok(at_cap));
    }

    #[test]
    fn a_changed_character_in_a_reply_is_refused_by_the_checksum() {
        let original = review("Mairie de Saint-Martin");
        let token = encode(&original).expect("reply");
        for position in "r2-".len()..token.len() {
            for replacement in ['A', 'K', 'z', '0', '-', '_'] {
                let mut damaged: Vec<char> = token.chars().collect();
                damaged[position] = replacement;
                let damaged: String = damaged.into_iter().collect();
                if let Ok(decoded) = decode(&damaged) {
                    assert_eq!(decoded, original, "{damaged}");
                }
            }
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
        let outcome = merge(&mut dossier, &review, 7, MergeChoices::ALL);
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
            merge(&mut dossier, &review, 8, MergeChoices::ALL),
            MergeOutcome::AlreadyMerged { merged_at_ms: 7 }
        );
        assert_eq!(dossier, merged_once);
    }

    #[test]
    fn merging_adds_an_unknown_partner_and_notes_an_older_version() {
        let mut dossier = dossier();
        let review = review("Coopérative du Bocage");
        let outcome = merge(&mut dossier, &review, 7, MergeChoices::default());
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
        merge(
            &mut dossier,
            &review("Mairie de Saint-Martin"),
            1,
            MergeChoices::default(),
        );
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
                .contains("1 lettre de soutien (dont 1 déclaré par le partenaire, non vérifié)"),
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
        assert!(!changes(&dossier, &unsaid)
            .iter()
            .any(|change| matches!(change, Change::Category { .. })));
        merge(&mut dossier, &unsaid, 1, MergeChoices::ALL);
        assert_eq!(dossier.partners[0].category, PartnerCategory::Business);
        let said = review("Mairie de Saint-Martin");
        merge(&mut dossier, &said, 2, MergeChoices::ALL);
        assert_eq!(dossier.partners[0].category, PartnerCategory::Collectivite);
    }

    #[test]
    fn a_later_review_never_withdraws_a_commitment() {
        let mut dossier = dossier();
        merge(
            &mut dossier,
            &review("Mairie de Saint-Martin"),
            1,
            MergeChoices::ALL,
        );
        let mut later = review("Mairie de Saint-Martin");
        later.commitment = Commitment::default();
        later.written_at_ms += 1;
        merge(&mut dossier, &later, 2, MergeChoices::ALL);
        assert!(dossier.partners[0].letter_of_support);
        assert_eq!(dossier.reviews.len(), 2);
    }

    #[test]
    fn a_forged_reply_changes_the_holder_s_figures_only_when_ticked() {
        let mut dossier = dossier();
        dossier.partners[0].financial_amount = Some(Cents(5_000_000));
        dossier.partners[0].category = PartnerCategory::Business;
        dossier.partners[0].letter_of_support = true;
        let mut forged = review("MAIRIE DE SAINT-MARTIN");
        forged.commitment.financial_amount = Some(Cents(1));
        forged.commitment.in_kind = true;
        assert_eq!(
            changes(&dossier, &forged),
            vec![
                Change::Amount {
                    before: Some(Cents(5_000_000)),
                    after: Cents(1)
                },
                Change::Category {
                    before: PartnerCategory::Business,
                    after: PartnerCategory::Collectivite
                },
                Change::InKind,
            ]
        );
        let mut unticked = dossier.clone();
        merge(&mut unticked, &forged, 1, MergeChoices::default());
        let partner = &unticked.partners[0];
        assert_eq!(partner.financial_amount, Some(Cents(5_000_000)));
        assert_eq!(partner.category, PartnerCategory::Business);
        assert!(partner.in_kind && partner.declared_by_partner);
        // What adds is always taken; what replaces, once ticked.
        let proposed = changes(&dossier, &forged);
        let mut choices = MergeChoices::default();
        assert!(proposed.iter().all(|c| choices.takes(*c) != c.replaces()));
        choices.choose(proposed[0], true);
        assert_eq!(
            choices,
            MergeChoices {
                amount: true,
                category: false
            }
        );
        let mut amount_only = dossier.clone();
        merge(&mut amount_only, &forged, 1, choices);
        assert_eq!(amount_only.partners[0].financial_amount, Some(Cents(1)));
        assert_eq!(amount_only.partners[0].category, PartnerCategory::Business);
    }

    #[test]
    fn a_reply_that_adds_nothing_leaves_the_holder_s_entry_unmarked() {
        let mut dossier = dossier();
        dossier.partners[0].letter_of_support = true;
        dossier.partners[0].category = PartnerCategory::Collectivite;
        let same = review("Mairie de Saint-Martin");
        assert_eq!(changes(&dossier, &same), Vec::new());
        merge(&mut dossier, &same, 1, MergeChoices::ALL);
        assert!(!dossier.partners[0].declared_by_partner);
        assert_eq!(dossier.reviews.len(), 1);
    }
}

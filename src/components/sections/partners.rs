//! Section "Partenaires": criterion 2, local partners and what each brings.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{Partner, PartnerCategory};
use fabrique_core::units::Cents;
use leptos::prelude::*;

/// The list of partners.
#[component]
pub fn PartnersForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Critère 2 de l'AMI : la qualité et la diversité des partenariats locaux. Les candidats rapportent que \
                    les lettres de soutien pèsent lourd.",
                "AMI criterion 2: the quality and diversity of local partnerships. Candidates report that letters of \
                    support weigh heavily.",
            )}
        </p>
        {list_editor(
            editing,
            |d| d.partners.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Nom du partenaire", "Partner's name"), i + 1),
                        move |d| d.partners.get(i).map(|p| p.name.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.name = v;
                            }
                        },
                    )}
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Catégorie du partenaire", "Partner's category"), i + 1),
                        move |d| d.partners.get(i).map_or(PartnerCategory::Other, |p| p.category),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.category = v;
                            }
                        },
                    )}
                    {check_field(
                        editing,
                        format!(
                            "{} {}",
                            tr("Lettre de soutien du partenaire", "Letter of support from partner"),
                            i + 1,
                        ),
                        move |d| d.partners.get(i).is_some_and(|p| p.letter_of_support),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.letter_of_support = v;
                            }
                        },
                    )}
                    {money_field(
                        editing,
                        format!(
                            "{} {}",
                            tr("Apport financier du partenaire (€)", "Financial contribution of partner (€)"),
                            i + 1,
                        ),
                        move |d| d.partners.get(i).and_then(|p| p.financial_amount).unwrap_or_default(),
                        move |d, v: Cents| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.financial_amount = (v.0 != 0).then_some(v);
                            }
                        },
                    )}
                    {choice_field(
                        editing,
                        format!(
                            "{} {}",
                            tr("Cet apport est donné, partenaire", "This contribution is given, partner"),
                            i + 1,
                        ),
                        move |d| d.partners.get(i).map(|p| p.amount_period).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.amount_period = v;
                            }
                        },
                    )}
                    {check_field(
                        editing,
                        format!(
                            "{} {}",
                            tr(
                                "Apport en nature ou en locaux du partenaire",
                                "In-kind or premises contribution of partner",
                            ),
                            i + 1,
                        ),
                        move |d| d.partners.get(i).is_some_and(|p| p.in_kind),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.in_kind = v;
                            }
                        },
                    )}
                    {check_field(
                        editing,
                        format!(
                            "{} {}",
                            tr("Siège dans la gouvernance pour le partenaire", "Governance seat for partner"),
                            i + 1,
                        ),
                        move |d| d.partners.get(i).is_some_and(|p| p.governance_seat),
                        move |d, v| {
                            if let Some(p) = d.partners.get_mut(i) {
                                p.governance_seat = v;
                            }
                        },
                    )}
                    {move || {
                        editing
                            .read(|d| d.partners.get(i).is_some_and(|p| p.declared_by_partner))
                            .then(|| {
                                view! {
                                    <p class="declared" data-testid="declared-by-partner">
                                        {tr(
                                            "Engagement déclaré par le partenaire, non vérifié : reçu dans un avis, \
                                                que toute personne ayant le lien de partage peut écrire.",
                                            "Commitment declared by the partner, not verified: received in a review, \
                                                which anyone holding the share link can write.",
                                        )}
                                    </p>
                                }
                            })
                    }}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.partners.len() {
                    d.partners.remove(i);
                }
            },
            |d| d.partners.push(Partner::default()),
            tr("Ajouter un partenaire", "Add a partner"),
            tr("le partenaire", "partner"),
        )}
    }
}

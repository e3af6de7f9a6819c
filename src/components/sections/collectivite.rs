//! Section "Rôle de la collectivité": what the collectivité does when it is not the holder.

use crate::components::fields::*;
use crate::i18n::tr;
use leptos::prelude::*;

/// The collectivité's ways to facilitate the project.
#[component]
pub fn CollectiviteForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Quand la collectivité n'est pas porteuse, l'article source liste ce qu'elle peut faire : aider à \
                    construire les réseaux, apporter de l'ingénierie, mettre à disposition des locaux, aider \
                    financièrement dans la durée (avec objectifs, évaluation et convention), associer le lieu aux \
                    instances de gouvernance territoriale.",
                "When the collectivité is not the holder, the source article lists what it can do: help build \
                    networks, bring engineering, lend premises, fund over time (with objectives, evaluation and an \
                    agreement), bring the place into territorial governance bodies.",
            )}
        </p>
        {move || {
            editing
                .read(|d| d.identity.holder_kind == Some(fabrique_core::dossier::HolderKind::Collectivite))
                .then(|| {
                    view! {
                        <p class="choice" data-testid="holder-collectivite-choice">
                            {tr(
                                "La collectivité porte le projet : Fabrique la compte comme engagée, avec au moins 3 \
                                    formes de soutien, même sans case cochée ici (choix de Fabrique, pas une règle de \
                                    l'AMI).",
                                "The collectivité holds the project: Fabrique counts it as engaged, with at least 3 \
                                    forms of support, even with no box ticked here (Fabrique's choice, not a rule of \
                                    the AMI).",
                            )}
                        </p>
                    }
                })
        }}
        {check_field(
            editing,
            tr(
                    "Elle aide à construire les réseaux et à informer le public",
                    "It helps build networks and inform the public",
                )
                .into(),
            |d| d.collectivite_role.builds_networks,
            |d, v| d.collectivite_role.builds_networks = v,
        )}
        {check_field(
            editing,
            tr(
                    "Elle apporte de l'ingénierie de projet (leviers de financement)",
                    "It brings project engineering (funding levers)",
                )
                .into(),
            |d| d.collectivite_role.engineering_support,
            |d, v| d.collectivite_role.engineering_support = v,
        )}
        {check_field(
            editing,
            tr("Elle met des locaux communaux à disposition", "It lends communal premises").into(),
            |d| d.collectivite_role.provides_premises,
            |d, v| d.collectivite_role.provides_premises = v,
        )}
        {check_field(
            editing,
            tr(
                    "Elle apporte une aide financière échelonnée dans le temps",
                    "It gives financial help spread over time",
                )
                .into(),
            |d| d.collectivite_role.staged_funding,
            |d, v| d.collectivite_role.staged_funding = v,
        )}
        {check_field(
            editing,
            tr(
                    "…avec des objectifs, une évaluation et une convention",
                    "…with objectives, an evaluation and an agreement",
                )
                .into(),
            |d| d.collectivite_role.funding_agreement,
            |d, v| d.collectivite_role.funding_agreement = v,
        )}
        {check_field(
            editing,
            tr(
                    "Elle associe le lieu aux instances de gouvernance territoriale (emploi, PTCE)",
                    "It brings the place into territorial governance bodies (employment, PTCE)",
                )
                .into(),
            |d| d.collectivite_role.territorial_governance,
            |d, v| d.collectivite_role.territorial_governance = v,
        )}
    }
}

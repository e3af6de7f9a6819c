//! The settings: the language, and the criterion weights with a way back to Fabrique's.

use crate::browser::offline;
use crate::context::use_settings;
use crate::i18n::{lang, tr};
use fabrique_core::dossier::Variant;
use fabrique_core::referential::{Lang, Referential};
use leptos::prelude::*;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = use_settings();
    let current_lang = lang();
    let persistent = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        persistent.set(Some(offline::is_persistent().await));
    });
    view! {
        <h1>{tr("Réglages", "Settings")}</h1>
        <section aria-labelledby="lang-title">
            <h2 id="lang-title">{tr("Langue", "Language")}</h2>
            <div class="field inline">
                <label for="langue">{tr("Langue de l'application", "Language of the app")}</label>
                <select
                    id="langue"
                    on:change=move |event| {
                        let chosen = if event_target_value(&event) == "en" { Lang::En } else { Lang::Fr };
                        settings.update(|s| s.lang = chosen);
                    }
                >
                    <option value="fr" selected=current_lang == Lang::Fr>
                        "Français"
                    </option>
                    <option value="en" selected=current_lang == Lang::En>
                        "English"
                    </option>
                </select>
            </div>
        </section>
        <section aria-labelledby="storage-title">
            <h2 id="storage-title">{tr("Conservation des données", "Keeping your data")}</h2>
            <p data-testid="persistence">
                {move || match persistent.get() {
                    None => tr("Vérification…", "Checking…"),
                    Some(Some(true)) => {
                        tr(
                            "Le navigateur s'est engagé à conserver vos dossiers, même s'il manque de place.",
                            "The browser has committed to keep your dossiers, even when short of space.",
                        )
                    }
                    Some(Some(false)) => {
                        tr(
                            "Le navigateur n'a pas (encore) promis de conserver vos dossiers s'il manque de place : \
                                exportez-les de temps en temps.",
                            "The browser has not (yet) promised to keep your dossiers when short of space: export them \
                                now and then.",
                        )
                    }
                    Some(None) => {
                        tr(
                            "Ce navigateur ne dit pas s'il conservera vos dossiers : exportez-les de temps en temps.",
                            "This browser does not say whether it will keep your dossiers: export them now and then.",
                        )
                    }
                }}
            </p>
        </section>
        <section aria-labelledby="weights-title">
            <h2 id="weights-title">{tr("Pondération des critères", "Criterion weights")}</h2>
            <p class="help">
                {tr(
                    "Aucune pondération officielle des six critères n'est publiée : celle de Fabrique est un choix, \
                        que vous pouvez adapter. Elle s'applique à l'évaluation de tous vos dossiers dans ce \
                        navigateur.",
                    "No official weighting of the six criteria is published: Fabrique's is a choice, which you can \
                        adapt. It applies to the evaluation of all your dossiers in this browser.",
                )}
            </p>
            {[
                (
                    Variant::FabriqueDeTerritoire,
                    tr("Fabriques de territoire (et numériques)", "Fabriques de territoire (and numériques)"),
                ),
                (Variant::ManufactureDeProximite, tr("Manufactures de proximité", "Manufactures de proximité")),
            ]
                .into_iter()
                .map(|(variant, title)| {
                    view! {
                        <h3>{title}</h3>
                        {weight_fields(Referential::builtin(variant), current_lang)}
                    }
                })
                .collect_view()}
            <button type="button" on:click=move |_| settings.update(|s| s.weights.clear())>
                {tr("Rétablir les pondérations de Fabrique", "Restore Fabrique's weights")}
            </button>
        </section>
    }
}

/// One field per criterion of a referential: its weight, Fabrique's until changed.
fn weight_fields(referential: &'static Referential, current_lang: Lang) -> impl IntoView {
    let settings = use_settings();
    view! {
        {referential
            .criteria
            .iter()
            .map(|criterion| {
                let id = criterion.id;
                let default = criterion.weight;
                let label = criterion.label.get(current_lang).to_string();
                view! {
                    <div class="field inline">
                        <label for=format!(
                            "poids-{:?}",
                            id,
                        )>{format!("{} {label}", tr("Poids du critère", "Weight of criterion"))}</label>
                        <input
                            id=format!("poids-{:?}", id)
                            type="number"
                            min="1"
                            max="100"
                            prop:value=move || {
                                settings.with(|s| s.weights.get(&id).copied().unwrap_or(default)).to_string()
                            }
                            on:change=move |event| {
                                if let Ok(weight) = event_target_value(&event).trim().parse::<u32>() {
                                    if (1..=100).contains(&weight) {
                                        settings
                                            .update(|s| {
                                                s.weights.insert(id, weight);
                                            });
                                    }
                                }
                            }
                        />
                    </div>
                }
            })
            .collect_view()}
    }
}

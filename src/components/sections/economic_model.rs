//! Section "Modèle économique": step 2 of the source article — prices, spaces, community.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{CommunityEvents, EventKind, Price, RentableSpace};
use leptos::prelude::*;

/// The price grid, the rentable spaces and the community events.
#[component]
pub fn EconomicModelForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Étape 2 de l'article source : une grille tarifaire claire par public, l'immobilier mis au travail \
                    (espaces loués), des moments qui élargissent la communauté.",
                "Step 2 of the source article: a clear price grid by public, the real estate put to work (rented \
                    spaces), moments that widen the community.",
            )}
        </p>
        <h3>{tr("Grille tarifaire", "Price grid")}</h3>
        {list_editor(
            editing,
            |d| d.economic_model.prices.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Public du tarif", "Public of price"), i + 1),
                        move |d| d.economic_model.prices.get(i).map(|p| p.public.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.economic_model.prices.get_mut(i) {
                                p.public = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Offre du tarif", "Offer of price"), i + 1),
                        move |d| d.economic_model.prices.get(i).map(|p| p.offer.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.economic_model.prices.get_mut(i) {
                                p.offer = v;
                            }
                        },
                    )}
                    {money_field(
                        editing,
                        format!("{} {}", tr("Prix (€) du tarif", "Price (€) of price"), i + 1),
                        move |d| d.economic_model.prices.get(i).map(|p| p.price).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.economic_model.prices.get_mut(i) {
                                p.price = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Unité du tarif (jour, mois…)", "Unit of price (day, month…)"), i + 1),
                        move |d| d.economic_model.prices.get(i).map(|p| p.unit.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.economic_model.prices.get_mut(i) {
                                p.unit = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.economic_model.prices.len() {
                    d.economic_model.prices.remove(i);
                }
            },
            |d| d.economic_model.prices.push(Price::default()),
            tr("Ajouter un tarif", "Add a price"),
            tr("le tarif", "price"),
        )}
        <h3>{tr("Espaces à louer", "Spaces for rent")}</h3>
        {list_editor(
            editing,
            |d| d.economic_model.rentable_spaces.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Nom de l'espace", "Name of space"), i + 1),
                        move |d| d.economic_model.rentable_spaces.get(i).map(|s| s.name.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(s) = d.economic_model.rentable_spaces.get_mut(i) {
                                s.name = v;
                            }
                        },
                    )}
                    {count_field(
                        editing,
                        format!("{} {}", tr("Surface (m²) de l'espace", "Surface (m²) of space"), i + 1),
                        move |d| d.economic_model.rentable_spaces.get(i).map_or(0, |s| s.surface_m2),
                        move |d, v| {
                            if let Some(s) = d.economic_model.rentable_spaces.get_mut(i) {
                                s.surface_m2 = v;
                            }
                        },
                    )}
                    {money_field(
                        editing,
                        format!("{} {}", tr("Loyer annuel (€) de l'espace", "Yearly rent (€) of space"), i + 1),
                        move |d| d.economic_model.rentable_spaces.get(i).map(|s| s.yearly_rent).unwrap_or_default(),
                        move |d, v| {
                            if let Some(s) = d.economic_model.rentable_spaces.get_mut(i) {
                                s.yearly_rent = v;
                            }
                        },
                    )}
                    {check_field(
                        editing,
                        format!(
                            "{} {}",
                            tr(
                                "Loué dans une offre globale (compris dans un abonnement), espace",
                                "Let within a global package (included in a subscription), space",
                            ),
                            i + 1,
                        ),
                        move |d| d.economic_model.rentable_spaces.get(i).is_some_and(|s| s.in_global_package),
                        move |d, v| {
                            if let Some(s) = d.economic_model.rentable_spaces.get_mut(i) {
                                s.in_global_package = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.economic_model.rentable_spaces.len() {
                    d.economic_model.rentable_spaces.remove(i);
                }
            },
            |d| d.economic_model.rentable_spaces.push(RentableSpace::default()),
            tr("Ajouter un espace", "Add a space"),
            tr("l'espace", "space"),
        )}
        <RentalsInBudget editing=editing />
        <h3>{tr("Animation de la communauté", "Community events")}</h3>
        {list_editor(
            editing,
            |d| d.economic_model.events.len(),
            move |i| {
                view! {
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Type d'événement", "Kind of event"), i + 1),
                        move |d| d.economic_model.events.get(i).map_or(EventKind::Other, |e| e.kind),
                        move |d, v| {
                            if let Some(e) = d.economic_model.events.get_mut(i) {
                                e.kind = v;
                            }
                        },
                    )}
                    {count_field(
                        editing,
                        format!("{} {}", tr("Événements par mois", "Events a month"), i + 1),
                        move |d| d.economic_model.events.get(i).map_or(0, |e| e.per_month),
                        move |d, v| {
                            if let Some(e) = d.economic_model.events.get_mut(i) {
                                e.per_month = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.economic_model.events.len() {
                    d.economic_model.events.remove(i);
                }
            },
            |d| d.economic_model.events.push(CommunityEvents::default()),
            tr("Ajouter des événements", "Add events"),
            tr("les événements", "events"),
        )}
    }
}

/// The spaces' yearly rents, and a button that puts them in the budget as own revenue (it
/// adds a line, never changes one the holder wrote).
#[component]
fn RentalsInBudget(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    use fabrique_core::finance::{add_rentals_to_budget, rentals_in_budget, yearly_rentals};
    let lang = crate::i18n::lang();
    let rent = Memo::new(move |_| editing.read(yearly_rentals));
    let in_budget = Memo::new(move |_| editing.read(rentals_in_budget));
    view! {
        <p class="rentals" data-testid="rentals">
            {move || {
                format!(
                    "{} {} {}",
                    tr("Loyers des espaces loués seuls :", "Rents of the spaces let on their own:"),
                    fabrique_core::units::Local(rent.get(), lang),
                    tr("par an.", "a year."),
                )
            }}
            " "
            {move || {
                if in_budget.get() {
                    view! {
                        <span>
                            {tr(
                                "Ils sont au budget (ligne « Locations d'espaces »).",
                                "They are in the budget (line “Locations d'espaces”).",
                            )}
                        </span>
                    }
                        .into_any()
                } else if rent.get().0 > 0 {
                    view! {
                        <button
                            type="button"
                            data-testid="rentals-to-budget"
                            on:click=move |_| {
                                editing
                                    .edit(|d| {
                                        add_rentals_to_budget(d);
                                    })
                            }
                        >
                            {tr("Les ajouter au budget en recettes propres", "Add them to the budget as own revenue")}
                        </button>
                    }
                        .into_any()
                } else {
                    ().into_any()
                }
            }}
        </p>
    }
}

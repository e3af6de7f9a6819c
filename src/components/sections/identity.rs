//! Section "Identité et territoire": who holds the project, where, and how far along it is.

use crate::components::below_first_screen;
use crate::components::fields::*;
use crate::components::territory_search::TerritorySearch;
use crate::i18n::tr;
use fabrique_core::calls::CallId;
use leptos::prelude::*;

/// The identity and territory questions.
#[component]
pub fn IdentityForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    // What depends on the call is built again only when the call changes.
    let call = Memo::new(move |_| editing.read(|d| d.call));
    let lower = below_first_screen();
    view! {
        <p class="help">
            {tr(
                "Qui porte le projet et où : le label vise les territoires ruraux, les villes moyennes et les \
                    quartiers prioritaires (QPV). La commune, trouvée dans les données officielles, donne la \
                    population, l'EPCI et la zone, qui décident de la DETR et des exceptions d'outre-mer ; le \
                    potentiel financier reste à indiquer.",
                "Who holds the project and where: the label targets rural areas, medium-sized towns and priority \
                    districts (QPV). The commune, found in the official data, gives the population, the EPCI and the \
                    zone, which decide DETR and the overseas exceptions; the fiscal capacity is still yours to give.",
            )}
        </p>
        {text_field(editing, tr("Nom du projet", "Project name").into(), |d| d.name.clone(), |d, v| d.name = v)}
        {choice_field::<CallId>(editing, tr("Appel visé", "Call applied to").into(), |d| d.call, |d, v| d.call = v)}
        <div class="call-facts" data-testid="call-facts">
            {move || {
                let call = call.get().call();
                let lang = crate::i18n::lang();
                view! {
                    <p>
                        <strong>{tr("Qui peut candidater : ", "Who may apply: ")}</strong>
                        {call.applicants.get(lang)}
                    </p>
                    <p>{call.notes.get(lang)}</p>
                    <p class="source">{tr("Source : ", "Source: ")}{call.source.get(lang)}</p>
                }
            }}
        </div>
        {move || {
            (call.get() == CallId::Edition2023)
                .then(|| optional_choice_field::<
                    bool,
                >(
                    editing,
                    tr(
                            "Le territoire est l'un des 144 territoires de sous-préfecture sans Fabrique (édition \
                                2023)",
                            "The territory is one of the 144 sous-préfecture territories without a Fabrique (2023 \
                                edition)",
                        )
                        .into(),
                    |d| d.identity.sous_prefecture_without_fabrique,
                    |d, v| d.identity.sous_prefecture_without_fabrique = v,
                ))
        }}
        {optional_choice_field(
            editing,
            tr("Type de porteur", "Kind of holder").into(),
            |d| d.identity.holder_kind,
            |d, v| d.identity.holder_kind = v,
        )}
        {text_field(
            editing,
            tr("Nom du porteur", "Holder's name").into(),
            |d| d.identity.holder_name.clone(),
            |d, v| d.identity.holder_name = v,
        )}
        {optional_choice_field(
            editing,
            tr("Structure juridique", "Legal structure").into(),
            |d| d.identity.legal_status,
            |d, v| d.identity.legal_status = v,
        )}
        {text_field(
            editing,
            tr("Chef de file (consortium)", "Lead member (consortium)").into(),
            |d| d.identity.lead_member.clone(),
            |d, v| d.identity.lead_member = v,
        )}
        // From the commune on, far below the form's first lines: in the task after the
        // screen's first when the form opens with it (#20).
        {move || {
            lower
                .get()
                .then(|| {
                    view! {
                        <TerritorySearch editing=editing />
                        {text_field(
                            editing,
                            tr("Commune", "Commune").into(),
                            |d| d.identity.commune.clone(),
                            |d, v| d.identity.commune = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr("Population de la commune (population DGF)", "Commune's population (DGF)").into(),
                            |d| d.identity.commune_population,
                            |d, v| d.identity.commune_population = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr(
                                    "Potentiel financier par habitant, en % de la moyenne de la strate",
                                    "Fiscal capacity per inhabitant, in % of the size band's average",
                                )
                                .into(),
                            |d| d.identity.potentiel_financier_percent,
                            |d, v| d.identity.potentiel_financier_percent = v,
                        )}
                        {text_field(
                            editing,
                            tr("EPCI (intercommunalité)", "EPCI (intermunicipality)").into(),
                            |d| d.identity.epci.clone(),
                            |d, v| d.identity.epci = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr("Population de l'EPCI", "EPCI's population").into(),
                            |d| d.identity.epci_population,
                            |d, v| d.identity.epci_population = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr("Densité de l'EPCI (habitants par km²)", "EPCI's density (inhabitants per km²)")
                                .into(),
                            |d| d.identity.epci_density_per_km2,
                            |d, v| d.identity.epci_density_per_km2 = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr(
                                    "Population du syndicat maître d'ouvrage, s'il y en a un",
                                    "Population of the syndicat that owns an investment, if any",
                                )
                                .into(),
                            |d| d.identity.syndicat_population,
                            |d, v| d.identity.syndicat_population = v,
                        )}
                        {optional_choice_field::<
                            bool,
                        >(
                            editing,
                            tr(
                                    "L'EPCI compte une commune centre de plus de 20 000 habitants (85 000 outre-mer)",
                                    "The EPCI has a central commune of more than 20,000 inhabitants (85,000 overseas)",
                                )
                                .into(),
                            |d| d.identity.epci_has_large_central_commune,
                            |d, v| d.identity.epci_has_large_central_commune = v,
                        )}
                        {choice_field(
                            editing,
                            tr("Région", "Region").into(),
                            |d| d.identity.region,
                            |d, v| d.identity.region = v,
                        )}
                        {optional_choice_field(
                            editing,
                            tr("Type de territoire", "Kind of territory").into(),
                            |d| d.identity.territory,
                            |d, v| d.identity.territory = v,
                        )}
                        {check_field(
                            editing,
                            tr(
                                    "Le lieu est dans un quartier prioritaire (QPV)",
                                    "The place is in a priority district (QPV)",
                                )
                                .into(),
                            |d| d.identity.in_qpv,
                            |d, v| d.identity.in_qpv = v,
                        )}
                        {check_field(
                            editing,
                            tr("Le lieu est à proximité immédiate d'un QPV", "The place is right beside a QPV")
                                .into(),
                            |d| d.identity.next_to_qpv,
                            |d, v| d.identity.next_to_qpv = v,
                        )}
                        {optional_choice_field::<
                            bool,
                        >(
                            editing,
                            tr(
                                    "La commune est classée en zone France Ruralités Revitalisation (FRR)",
                                    "The commune is in a France Ruralités Revitalisation (FRR) zone",
                                )
                                .into(),
                            |d| d.identity.frr_zone,
                            |d, v| d.identity.frr_zone = v,
                        )}
                        {check_field(
                            editing,
                            tr("Le lieu est déjà ouvert", "The place is already open").into(),
                            |d| d.identity.already_open,
                            |d, v| d.identity.already_open = v,
                        )}
                        {date_field(
                            editing,
                            tr("Date d'ouverture (passée ou prévue)", "Opening date (past or planned)").into(),
                            |d| d.identity.opening_date,
                            |d, v| d.identity.opening_date = v,
                        )}
                        {optional_count_field(
                            editing,
                            tr("Surface (m²)", "Surface (m²)").into(),
                            |d| d.identity.surface_m2,
                            |d, v| d.identity.surface_m2 = v,
                        )}
                    }
                })
        }}
    }
}

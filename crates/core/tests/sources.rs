//! Every indicator's source, read against the domain brief: an indicator labelled
//! "critère de sélection" or "fait du programme" must rest on a fact of the brief that
//! says so, and its reference must quote that fact. The table names, for each indicator,
//! the kind it must have and the fact it relies on; a kind changed in a referential, or a
//! reference that no longer quotes its fact, fails here.

use fabrique_core::dossier::Variant;
use fabrique_core::referential::{Referential, SourceKind};

/// The facts of the brief (`shared/domain/fabriques-de-territoire.md`) that indicators rely
/// on: an id, the kind of source it can support, and the words the reference must quote.
const FACTS: [(&str, SourceKind, &str); 14] = [
    (
        "critere1",
        SourceKind::SelectionCriterion,
        "critère 1 : la gouvernance de la structure et son animation par un \
        collectif bien défini",
    ),
    (
        "critere2",
        SourceKind::SelectionCriterion,
        "critère 2 : la qualité et la diversité des partenariats locaux",
    ),
    (
        "critere3_etape1",
        SourceKind::SelectionCriterion,
        "critère 3 : la réponse à un besoin territorial ; l'article \
        source le détaille (étape 1)",
    ),
    (
        "critere4",
        SourceKind::SelectionCriterion,
        "critère 4 : la mobilisation de plusieurs services et activités \
        numériques",
    ),
    (
        "critere5",
        SourceKind::SelectionCriterion,
        "critère 5 : un modèle économique viable, avec une structure capable \
        de générer des recettes",
    ),
    (
        "critere5_etape2",
        SourceKind::SelectionCriterion,
        "l'article source le détaille (étape 2)",
    ),
    (
        "critere6",
        SourceKind::SelectionCriterion,
        "critère 6 : le financement d'un poste en équivalent temps plein",
    ),
    (
        "cibles",
        SourceKind::ProgrammeFact,
        "150 hors des grands centres urbains et 150 en QPV",
    ),
    (
        "numerique_liste",
        SourceKind::ProgrammeFact,
        "accès aux droits, médiation numérique et scientifique, aide aux \
        démarches en ligne, fabrication numérique, formation professionnelle, incubation",
    ),
    (
        "manufacture_eligibilite",
        SourceKind::ProgrammeFact,
        "des locaux adaptés à l'activité, une structure juridique \
        déclarée, une stratégie RH concrète",
    ),
    (
        "manufacture_description",
        SourceKind::ProgrammeFact,
        "un parc de machines mutualisé, de la formation, des \
        partenariats avec les entreprises locales",
    ),
    (
        "enquete_recettes",
        SourceKind::SurveyBenchmark,
        "environ 50 % de subventions publiques et 50 % de recettes \
        propres",
    ),
    (
        "enquete_fermetures",
        SourceKind::SurveyBenchmark,
        "la question après la subvention est celle que posent les \
        financeurs",
    ),
    ("choix", SourceKind::FabriqueChoice, "Choix de Fabrique"),
];

/// (indicator, the kind it must have, the fact it relies on).
const TABLE: [(&str, SourceKind, &str); 43] = {
    use SourceKind::{
        FabriqueChoice as Choice, ProgrammeFact as Fact, SelectionCriterion as Criterion,
        SurveyBenchmark as Survey,
    };
    [
        ("gouvernance.statuts", Criterion, "critere1"),
        ("gouvernance.collectif", Criterion, "critere1"),
        ("gouvernance.instance", Criterion, "critere1"),
        // Criterion 1 speaks of a collective, not of users.
        ("gouvernance.usagers", Choice, "choix"),
        ("gouvernance.animation", Criterion, "critere1"),
        ("partenariats.nombre", Criterion, "critere2"),
        ("partenariats.diversite", Criterion, "critere2"),
        // Candidates' feedback, not a rule.
        ("partenariats.lettres", Choice, "choix"),
        // Step 1 names businesses among those to interview, not as partners.
        ("partenariats.entreprises", Choice, "choix"),
        ("partenariats.engagements", Criterion, "critere2"),
        // The article's list of what a collectivité can do is not a criterion.
        ("partenariats.collectivite", Choice, "choix"),
        ("besoin.entretiens", Criterion, "critere3_etape1"),
        ("besoin.types_acteurs", Criterion, "critere3_etape1"),
        ("besoin.reseaux", Criterion, "critere3_etape1"),
        ("besoin.panorama", Criterion, "critere3_etape1"),
        ("besoin.non_couverts", Criterion, "critere3_etape1"),
        ("besoin.tensions", Criterion, "critere3_etape1"),
        ("besoin.offre_testee", Criterion, "critere3_etape1"),
        ("besoin.territoire", Fact, "cibles"),
        ("services.nombre", Criterion, "critere4"),
        ("services.heures", Choice, "choix"),
        // A typical role in the brief, not a condition.
        ("services.inclusion", Choice, "choix"),
        ("services.numeriques_cibles", Fact, "numerique_liste"),
        ("modele.grille", Criterion, "critere5_etape2"),
        ("modele.espaces", Criterion, "critere5_etape2"),
        ("modele.evenements", Criterion, "critere5_etape2"),
        ("modele.recettes_propres", Survey, "enquete_recettes"),
        ("modele.budget", Criterion, "critere5"),
        ("modele.annee4", Survey, "enquete_fermetures"),
        ("etp.finance", Criterion, "critere6"),
        // Criterion 6 does not ask for funding already secured.
        ("etp.assure", Choice, "choix"),
        // 69 % employ a facilitator: not a rule that the post lasts into year 4.
        ("etp.apres_ami", Choice, "choix"),
        ("locaux.adaptes", Fact, "manufacture_eligibilite"),
        ("locaux.surface", Choice, "choix"),
        ("structure.declaree", Fact, "manufacture_eligibilite"),
        ("structure.statuts", Choice, "choix"),
        ("rh.strategie", Fact, "manufacture_eligibilite"),
        ("rh.poste", Choice, "choix"),
        ("machines.parc", Fact, "manufacture_description"),
        ("machines.professionnels", Fact, "manufacture_description"),
        ("formation.sessions", Fact, "manufacture_description"),
        ("entreprises.partenaires", Fact, "manufacture_description"),
        ("entreprises.lettres", Choice, "choix"),
    ]
};

fn every_indicator() -> Vec<&'static fabrique_core::referential::Indicator> {
    [
        Variant::FabriqueDeTerritoire,
        Variant::FabriqueNumerique,
        Variant::ManufactureDeProximite,
    ]
    .into_iter()
    .flat_map(|variant| &Referential::builtin(variant).criteria)
    .flat_map(|criterion| &criterion.indicators)
    .collect()
}

#[test]
fn every_indicator_rests_on_the_fact_its_kind_claims() {
    let indicators = every_indicator();
    assert!(indicators.len() > 40);
    for indicator in indicators {
        let (_, kind, fact) = TABLE
            .iter()
            .find(|(id, ..)| *id == &*indicator.id)
            .unwrap_or_else(|| panic!("{} has no row in the table", indicator.id));
        assert_eq!(indicator.source.kind, *kind, "{}: kind", indicator.id);
        let (_, supports, quote) = FACTS
            .iter()
            .find(|(id, ..)| id == fact)
            .unwrap_or_else(|| panic!("{}: unknown fact {fact}", indicator.id));
        // A fact supports one kind only: a choice cannot claim a criterion's authority.
        assert_eq!(
            supports, kind,
            "{}: {fact} does not support {kind:?}",
            indicator.id
        );
        assert!(
            indicator.source.reference.fr.contains(quote),
            "{}: the reference does not quote {fact}: {}",
            indicator.id,
            indicator.source.reference.fr
        );
    }
}

//! Nederlands.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "We konden de betaaldienst niet bereiken. Probeer het opnieuw.";
const SESSION_EXPIRED: &str = "Deze betaalsessie is verlopen. Vernieuw de pagina om opnieuw te beginnen.";
const API_ERROR: &str = "Er is iets misgegaan. Probeer het opnieuw.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Beveiligd kaartformulier",
    card_number: "Kaartnummer",
    expiry: "Vervaldatum",
    expiry_placeholder: "MM / JJ",
    cvc: "Beveiligingscode",
    holder_name: "Naam op de kaart",
    optional: "(optioneel)",
    number_required: "Vul je kaartnummer in.",
    number_incomplete: "Je kaartnummer is onvolledig.",
    number_invalid: "Je kaartnummer is ongeldig. Controleer het op typefouten.",
    number_unsupported: "Dit type kaart wordt niet geaccepteerd.",
    expiry_required: "Vul de vervaldatum in.",
    expiry_incomplete: "De vervaldatum is onvolledig.",
    expiry_invalid: "Vul de vervaldatum in als MM / JJ.",
    expiry_expired: "Deze kaart is verlopen.",
    expiry_too_far: "Het vervaljaar ligt te ver in de toekomst.",
    cvc_required: "Vul de beveiligingscode in.",
    cvc_incomplete_3: "De beveiligingscode bestaat uit 3 cijfers.",
    cvc_incomplete_4: "De beveiligingscode bestaat uit 4 cijfers.",
    holder_required: "Vul de naam op de kaart in.",
    holder_too_short: "De naam is te kort.",
    holder_too_long: "De naam is te lang (maximaal 26 tekens).",
    holder_invalid: "Gebruik alleen letters, spaties, apostroffen, koppeltekens en punten.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Bezig met verwerken…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Beveiligd formulier voor kaartbetaling",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "De kaartgegevens zijn niet geaccepteerd. Controleer ze en probeer het opnieuw.",
    api_error: API_ERROR,
    loading: "Betaalmethoden laden…",
    load_failed: "We konden de betaalmethoden niet laden.",
    retry: "Opnieuw proberen",
    methods_label: "Betaalmethode",
    pay: "Betalen",
    expires: "Verloopt",
    declined: "Je betaling is geweigerd. Probeer een andere kaart of betaalmethode.",
    insufficient_funds: "Er staat onvoldoende saldo op de kaart. Probeer een andere kaart.",
    fraud_declined: "Je bank heeft deze betaling geweigerd. Probeer een andere kaart.",
    payment_error: "De betaling kon niet worden verwerkt. Probeer het opnieuw.",
};

//! Svenska.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Vi kunde inte nå betaltjänsten. Försök igen.";
const SESSION_EXPIRED: &str = "Den här betalsessionen har gått ut. Ladda om sidan för att börja om.";
const API_ERROR: &str = "Något gick fel. Försök igen.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Säkert kortformulär",
    card_number: "Kortnummer",
    expiry: "Utgångsdatum",
    expiry_placeholder: "MM / ÅÅ",
    cvc: "Säkerhetskod",
    holder_name: "Namn på kortet",
    optional: "(valfritt)",
    number_required: "Ange ditt kortnummer.",
    number_incomplete: "Ditt kortnummer är ofullständigt.",
    number_invalid: "Ditt kortnummer är ogiltigt. Kontrollera att det inte innehåller skrivfel.",
    number_unsupported: "Den här korttypen accepteras inte.",
    expiry_required: "Ange utgångsdatum.",
    expiry_incomplete: "Utgångsdatumet är ofullständigt.",
    expiry_invalid: "Ange utgångsdatum som MM / ÅÅ.",
    expiry_expired: "Det här kortet har gått ut.",
    expiry_too_far: "Utgångsåret ligger för långt fram i tiden.",
    cvc_required: "Ange säkerhetskoden.",
    cvc_incomplete_3: "Säkerhetskoden består av 3 siffror.",
    cvc_incomplete_4: "Säkerhetskoden består av 4 siffror.",
    holder_required: "Ange namnet på kortet.",
    holder_too_short: "Namnet är för kort.",
    holder_too_long: "Namnet är för långt (högst 26 tecken).",
    holder_invalid: "Använd bara bokstäver, mellanslag, apostrofer, bindestreck och punkter.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Bearbetar…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Säkert formulär för kortbetalning",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Kortuppgifterna godkändes inte. Kontrollera dem och försök igen.",
    api_error: API_ERROR,
    loading: "Laddar betalsätt…",
    load_failed: "Vi kunde inte ladda betalsätten.",
    retry: "Försök igen",
    methods_label: "Betalsätt",
    pay: "Betala",
    expires: "Går ut",
    declined: "Din betalning nekades. Försök med ett annat kort eller betalsätt.",
    insufficient_funds: "Kortet saknar täckning. Försök med ett annat kort.",
    fraud_declined: "Din bank nekade betalningen. Försök med ett annat kort.",
    payment_error: "Betalningen kunde inte genomföras. Försök igen.",
};

//! Filipino.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Hindi namin maabot ang serbisyo ng pagbabayad. Pakisubukang muli.";
const SESSION_EXPIRED: &str = "Nag-expire na ang checkout na ito. Paki-reload ang pahina para magsimulang muli.";
const API_ERROR: &str = "Nagkaroon ng problema. Pakisubukang muli.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Ligtas na form ng kard",
    card_number: "Numero ng kard",
    expiry: "Petsa ng pag-expire",
    expiry_placeholder: "BB / TT",
    cvc: "Security code (CVV)",
    holder_name: "Pangalan sa kard",
    optional: "(opsyonal)",
    number_required: "Pakilagay ang numero ng inyong kard.",
    number_incomplete: "Kulang ang numero ng inyong kard.",
    number_invalid: "Hindi wasto ang numero ng inyong kard. Tingnan kung may mali sa pagta-type.",
    number_unsupported: "Hindi tinatanggap ang brand ng kard na ito.",
    expiry_required: "Pakilagay ang petsa ng pag-expire.",
    expiry_incomplete: "Kulang ang petsa ng pag-expire.",
    expiry_invalid: "Pakilagay ang petsa ng pag-expire sa anyong BB / TT.",
    expiry_expired: "Nag-expire na ang kard na ito.",
    expiry_too_far: "Masyadong malayo sa hinaharap ang taon ng pag-expire.",
    cvc_required: "Pakilagay ang code panseguridad.",
    cvc_incomplete_3: "May 3 digit ang code panseguridad.",
    cvc_incomplete_4: "May 4 na digit ang code panseguridad.",
    holder_required: "Pakilagay ang pangalang nakasulat sa kard.",
    holder_too_short: "Masyadong maikli ang pangalan.",
    holder_too_long: "Masyadong mahaba ang pangalan (hanggang 26 na karakter lang).",
    holder_invalid: "Mga titik, espasyo, kudlit, gitling at tuldok lang ang gamitin.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Pinoproseso…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Ligtas na form ng pagbabayad gamit ang kard",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Hindi tinanggap ang mga detalye ng kard. Pakisuri ang mga ito at subukang muli.",
    api_error: API_ERROR,
    loading: "Nilo-load ang mga paraan ng pagbabayad…",
    load_failed: "Hindi namin ma-load ang mga paraan ng pagbabayad.",
    retry: "Subukang muli",
    methods_label: "Paraan ng pagbabayad",
    pay: "Magbayad",
    expires: "Mag-e-expire sa",
    declined: "Tinanggihan ang inyong bayad. Gumamit ng ibang kard o paraan ng pagbabayad.",
    insufficient_funds: "Kulang ang pondo sa kard. Gumamit ng ibang kard.",
    fraud_declined: "Tinanggihan ng inyong bangko ang bayad na ito. Gumamit ng ibang kard.",
    payment_error: "Hindi maproseso ang bayad. Pakisubukang muli.",
};

//! Italiano.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Impossibile contattare il servizio di pagamento. Riprova.";
const SESSION_EXPIRED: &str = "Questa sessione di pagamento è scaduta. Ricarica la pagina per ricominciare.";
const API_ERROR: &str = "Si è verificato un errore. Riprova.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Modulo sicuro della carta",
    card_number: "Numero della carta",
    expiry: "Data di scadenza",
    expiry_placeholder: "MM / AA",
    cvc: "Codice di sicurezza",
    holder_name: "Nome sulla carta",
    optional: "(facoltativo)",
    number_required: "Inserisci il numero della carta.",
    number_incomplete: "Il numero della carta è incompleto.",
    number_invalid: "Il numero della carta non è valido. Controlla che non ci siano errori di battitura.",
    number_unsupported: "Questo tipo di carta non è accettato.",
    expiry_required: "Inserisci la data di scadenza.",
    expiry_incomplete: "La data di scadenza è incompleta.",
    expiry_invalid: "Inserisci la data di scadenza nel formato MM / AA.",
    expiry_expired: "Questa carta è scaduta.",
    expiry_too_far: "L’anno di scadenza è troppo lontano nel futuro.",
    cvc_required: "Inserisci il codice di sicurezza.",
    cvc_incomplete_3: "Il codice di sicurezza è composto da 3 cifre.",
    cvc_incomplete_4: "Il codice di sicurezza è composto da 4 cifre.",
    holder_required: "Inserisci il nome riportato sulla carta.",
    holder_too_short: "Il nome è troppo corto.",
    holder_too_long: "Il nome è troppo lungo (massimo 26 caratteri).",
    holder_invalid: "Usa solo lettere, spazi, apostrofi, trattini e punti.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Elaborazione in corso…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Modulo sicuro per il pagamento con carta",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "I dati della carta non sono stati accettati. Controllali e riprova.",
    api_error: API_ERROR,
    loading: "Caricamento dei metodi di pagamento…",
    load_failed: "Impossibile caricare i metodi di pagamento.",
    retry: "Riprova",
    methods_label: "Metodo di pagamento",
    pay: "Paga",
    expires: "Scadenza",
    declined: "Il pagamento è stato rifiutato. Prova con un’altra carta o un altro metodo di pagamento.",
    insufficient_funds: "La carta non ha fondi sufficienti. Prova con un’altra carta.",
    fraud_declined: "La tua banca ha rifiutato questo pagamento. Prova con un’altra carta.",
    payment_error: "Non è stato possibile elaborare il pagamento. Riprova.",
};

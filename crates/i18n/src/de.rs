//! Deutsch.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Wir konnten den Zahlungsdienst nicht erreichen. Bitte versuchen Sie es erneut.";
const SESSION_EXPIRED: &str = "Dieser Bezahlvorgang ist abgelaufen. Laden Sie die Seite neu, um von vorn zu beginnen.";
const API_ERROR: &str = "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Sicheres Kartenformular",
    card_number: "Kartennummer",
    expiry: "Ablaufdatum",
    expiry_placeholder: "MM / JJ",
    cvc: "Sicherheitscode",
    holder_name: "Name auf der Karte",
    optional: "(optional)",
    number_required: "Geben Sie Ihre Kartennummer ein.",
    number_incomplete: "Ihre Kartennummer ist unvollständig.",
    number_invalid: "Ihre Kartennummer ist ungültig. Bitte prüfen Sie sie auf Tippfehler.",
    number_unsupported: "Dieser Kartentyp wird nicht akzeptiert.",
    expiry_required: "Geben Sie das Ablaufdatum ein.",
    expiry_incomplete: "Das Ablaufdatum ist unvollständig.",
    expiry_invalid: "Geben Sie das Ablaufdatum im Format MM / JJ ein.",
    expiry_expired: "Diese Karte ist abgelaufen.",
    expiry_too_far: "Das Ablaufjahr liegt zu weit in der Zukunft.",
    cvc_required: "Geben Sie den Sicherheitscode ein.",
    cvc_incomplete_3: "Der Sicherheitscode hat 3 Ziffern.",
    cvc_incomplete_4: "Der Sicherheitscode hat 4 Ziffern.",
    holder_required: "Geben Sie den Namen auf der Karte ein.",
    holder_too_short: "Der Name ist zu kurz.",
    holder_too_long: "Der Name ist zu lang (höchstens 26 Zeichen).",
    holder_invalid: "Verwenden Sie nur Buchstaben, Leerzeichen, Apostrophe, Bindestriche und Punkte.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Wird verarbeitet…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Sicheres Formular für Kartenzahlung",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Die Kartendaten wurden nicht akzeptiert. Bitte prüfen Sie sie und versuchen Sie es erneut.",
    api_error: API_ERROR,
    loading: "Zahlungsarten werden geladen…",
    load_failed: "Die Zahlungsarten konnten nicht geladen werden.",
    retry: "Erneut versuchen",
    methods_label: "Zahlungsart",
    pay: "Zahlen",
    expires: "Gültig bis",
    declined: "Ihre Zahlung wurde abgelehnt. Versuchen Sie es mit einer anderen Karte oder Zahlungsart.",
    insufficient_funds: "Die Karte ist nicht ausreichend gedeckt. Versuchen Sie es mit einer anderen Karte.",
    fraud_declined: "Ihre Bank hat diese Zahlung abgelehnt. Versuchen Sie es mit einer anderen Karte.",
    payment_error: "Die Zahlung konnte nicht verarbeitet werden. Bitte versuchen Sie es erneut.",
};

//! Polski.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Nie udało się połączyć z serwisem płatności. Spróbuj ponownie.";
const SESSION_EXPIRED: &str = "Ta sesja płatności wygasła. Odśwież stronę, aby zacząć od nowa.";
const API_ERROR: &str = "Coś poszło nie tak. Spróbuj ponownie.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Bezpieczny formularz karty",
    card_number: "Numer karty",
    expiry: "Data ważności",
    expiry_placeholder: "MM / RR",
    cvc: "Kod zabezpieczający",
    holder_name: "Imię i nazwisko na karcie",
    optional: "(opcjonalnie)",
    number_required: "Wpisz numer karty.",
    number_incomplete: "Numer karty jest niekompletny.",
    number_invalid: "Numer karty jest nieprawidłowy. Sprawdź, czy nie ma w nim literówek.",
    number_unsupported: "Ten rodzaj karty nie jest akceptowany.",
    expiry_required: "Wpisz datę ważności.",
    expiry_incomplete: "Data ważności jest niekompletna.",
    expiry_invalid: "Wpisz datę ważności w formacie MM / RR.",
    expiry_expired: "Ta karta straciła ważność.",
    expiry_too_far: "Rok ważności jest zbyt odległy.",
    cvc_required: "Wpisz kod zabezpieczający.",
    cvc_incomplete_3: "Kod zabezpieczający ma 3 cyfry.",
    cvc_incomplete_4: "Kod zabezpieczający ma 4 cyfry.",
    holder_required: "Wpisz imię i nazwisko widoczne na karcie.",
    holder_too_short: "Imię i nazwisko jest za krótkie.",
    holder_too_long: "Imię i nazwisko jest za długie (maksymalnie 26 znaków).",
    holder_invalid: "Używaj tylko liter, spacji, apostrofów, łączników i kropek.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Przetwarzanie…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Bezpieczny formularz płatności kartą",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Dane karty nie zostały zaakceptowane. Sprawdź je i spróbuj ponownie.",
    api_error: API_ERROR,
    loading: "Wczytywanie metod płatności…",
    load_failed: "Nie udało się wczytać metod płatności.",
    retry: "Spróbuj ponownie",
    methods_label: "Metoda płatności",
    pay: "Zapłać",
    expires: "Ważna do",
    declined: "Płatność została odrzucona. Użyj innej karty lub metody płatności.",
    insufficient_funds: "Brak wystarczających środków na karcie. Użyj innej karty.",
    fraud_declined: "Twój bank odrzucił tę płatność. Użyj innej karty.",
    payment_error: "Nie udało się przetworzyć płatności. Spróbuj ponownie.",
};

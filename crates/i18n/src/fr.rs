//! Français.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Impossible de joindre le service de paiement. Veuillez réessayer.";
const SESSION_EXPIRED: &str = "Cette session de paiement a expiré. Rechargez la page pour recommencer.";
const API_ERROR: &str = "Une erreur est survenue. Veuillez réessayer.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Formulaire de carte sécurisé",
    card_number: "Numéro de carte",
    expiry: "Date d’expiration",
    expiry_placeholder: "MM / AA",
    cvc: "Code de sécurité",
    holder_name: "Nom sur la carte",
    optional: "(facultatif)",
    number_required: "Saisissez votre numéro de carte.",
    number_incomplete: "Votre numéro de carte est incomplet.",
    number_invalid: "Votre numéro de carte n’est pas valide. Vérifiez qu’il ne contient pas de faute de frappe.",
    number_unsupported: "Ce type de carte n’est pas accepté.",
    expiry_required: "Saisissez la date d’expiration.",
    expiry_incomplete: "La date d’expiration est incomplète.",
    expiry_invalid: "Saisissez la date d’expiration au format MM / AA.",
    expiry_expired: "Cette carte a expiré.",
    expiry_too_far: "L’année d’expiration est trop éloignée dans le futur.",
    cvc_required: "Saisissez le code de sécurité.",
    cvc_incomplete_3: "Le code de sécurité comporte 3 chiffres.",
    cvc_incomplete_4: "Le code de sécurité comporte 4 chiffres.",
    holder_required: "Saisissez le nom figurant sur la carte.",
    holder_too_short: "Le nom est trop court.",
    holder_too_long: "Le nom est trop long (26 caractères maximum).",
    holder_invalid: "Utilisez uniquement des lettres, des espaces, des apostrophes, des traits d’union et des points.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Traitement en cours…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Formulaire sécurisé de paiement par carte",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Les informations de la carte n’ont pas été acceptées. Vérifiez-les et réessayez.",
    api_error: API_ERROR,
    loading: "Chargement des moyens de paiement…",
    load_failed: "Impossible de charger les moyens de paiement.",
    retry: "Réessayer",
    methods_label: "Moyen de paiement",
    pay: "Payer",
    expires: "Expire fin",
    declined: "Votre paiement a été refusé. Essayez une autre carte ou un autre moyen de paiement.",
    insufficient_funds: "La carte ne dispose pas de fonds suffisants. Essayez une autre carte.",
    fraud_declined: "Votre banque a refusé ce paiement. Essayez une autre carte.",
    payment_error: "Le paiement n’a pas pu être traité. Veuillez réessayer.",
};

//! Español.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "No pudimos conectar con el servicio de pagos. Inténtalo de nuevo.";
const SESSION_EXPIRED: &str = "Este pago expiró. Recarga la página para empezar de nuevo.";
const API_ERROR: &str = "Algo salió mal. Inténtalo de nuevo.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Formulario seguro de tarjeta",
    card_number: "Número de tarjeta",
    expiry: "Fecha de vencimiento",
    expiry_placeholder: "MM / AA",
    cvc: "Código de seguridad",
    holder_name: "Nombre en la tarjeta",
    optional: "(opcional)",
    number_required: "Ingresa el número de tu tarjeta.",
    number_incomplete: "El número de tu tarjeta está incompleto.",
    number_invalid: "El número de tu tarjeta no es válido. Revisa si hay errores.",
    number_unsupported: "No aceptamos esta marca de tarjeta.",
    expiry_required: "Ingresa la fecha de vencimiento.",
    expiry_incomplete: "La fecha de vencimiento está incompleta.",
    expiry_invalid: "Ingresa la fecha de vencimiento como MM / AA.",
    expiry_expired: "Esta tarjeta está vencida.",
    expiry_too_far: "El año de vencimiento está demasiado lejos.",
    cvc_required: "Ingresa el código de seguridad.",
    cvc_incomplete_3: "El código de seguridad tiene 3 dígitos.",
    cvc_incomplete_4: "El código de seguridad tiene 4 dígitos.",
    holder_required: "Ingresa el nombre que figura en la tarjeta.",
    holder_too_short: "El nombre es demasiado corto.",
    holder_too_long: "El nombre es demasiado largo (26 caracteres como máximo).",
    holder_invalid: "Usa solo letras, espacios, apóstrofos, guiones y puntos.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Procesando…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Formulario seguro de pago con tarjeta",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Los datos de la tarjeta no fueron aceptados. Revísalos e inténtalo de nuevo.",
    api_error: API_ERROR,
    loading: "Cargando medios de pago…",
    load_failed: "No pudimos cargar los medios de pago.",
    retry: "Reintentar",
    methods_label: "Medio de pago",
    pay: "Pagar",
    expires: "Vence",
    declined: "Tu pago fue rechazado. Prueba con otra tarjeta u otro medio de pago.",
    insufficient_funds: "La tarjeta no tiene fondos suficientes. Prueba con otra tarjeta.",
    fraud_declined: "Tu banco rechazó este pago. Prueba con otra tarjeta.",
    payment_error: "No se pudo procesar el pago. Inténtalo de nuevo.",
};

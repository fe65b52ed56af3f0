//! Español.

use super::Strings;

pub static STRINGS: Strings = Strings {
    frame_title: "Formulario seguro de pago con tarjeta",
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
    network_error: "No pudimos conectar con el servicio de pagos. Inténtalo de nuevo.",
    session_expired: "Este pago expiró. Recarga la página para empezar de nuevo.",
    card_rejected: "Los datos de la tarjeta no fueron aceptados. Revísalos e inténtalo de nuevo.",
    api_error: "Algo salió mal. Inténtalo de nuevo.",
    processing: "Procesando…",
};

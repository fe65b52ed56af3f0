//! Português.

use super::Strings;

pub static STRINGS: Strings = Strings {
    frame_title: "Formulário seguro de pagamento com cartão",
    card_number: "Número do cartão",
    expiry: "Validade",
    expiry_placeholder: "MM / AA",
    cvc: "Código de segurança",
    holder_name: "Nome impresso no cartão",
    optional: "(opcional)",
    number_required: "Informe o número do cartão.",
    number_incomplete: "O número do cartão está incompleto.",
    number_invalid: "O número do cartão é inválido. Verifique se há erros de digitação.",
    number_unsupported: "Esta bandeira de cartão não é aceita.",
    expiry_required: "Informe a validade.",
    expiry_incomplete: "A validade está incompleta.",
    expiry_invalid: "Informe a validade como MM / AA.",
    expiry_expired: "Este cartão está vencido.",
    expiry_too_far: "O ano de validade está longe demais.",
    cvc_required: "Informe o código de segurança.",
    cvc_incomplete_3: "O código de segurança tem 3 dígitos.",
    cvc_incomplete_4: "O código de segurança tem 4 dígitos.",
    holder_required: "Informe o nome impresso no cartão.",
    holder_too_short: "O nome é curto demais.",
    holder_too_long: "O nome é longo demais (no máximo 26 caracteres).",
    holder_invalid: "Use apenas letras, espaços, apóstrofos, hífens e pontos.",
    network_error: "Não foi possível contatar o serviço de pagamento. Tente novamente.",
    session_expired: "Este pagamento expirou. Recarregue a página para recomeçar.",
    card_rejected: "Os dados do cartão não foram aceitos. Verifique e tente novamente.",
    api_error: "Algo deu errado. Tente novamente.",
    processing: "Processando…",
};

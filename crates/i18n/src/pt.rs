//! Português.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Não foi possível contatar o serviço de pagamento. Tente novamente.";
const SESSION_EXPIRED: &str = "Este pagamento expirou. Recarregue a página para recomeçar.";
const API_ERROR: &str = "Algo deu errado. Tente novamente.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Formulário seguro do cartão",
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
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Processando…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Formulário seguro de pagamento com cartão",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Os dados do cartão não foram aceitos. Verifique e tente novamente.",
    api_error: API_ERROR,
    loading: "Carregando formas de pagamento…",
    load_failed: "Não foi possível carregar as formas de pagamento.",
    retry: "Tentar novamente",
    methods_label: "Forma de pagamento",
    pay: "Pagar",
    expires: "Validade",
    declined: "Seu pagamento foi recusado. Tente outro cartão ou forma de pagamento.",
    insufficient_funds: "O cartão não tem saldo suficiente. Tente outro cartão.",
    fraud_declined: "Seu banco recusou este pagamento. Tente outro cartão.",
    payment_error: "Não foi possível processar o pagamento. Tente novamente.",
};

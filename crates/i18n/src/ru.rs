//! Русский.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Не удалось связаться с платёжным сервисом. Попробуйте ещё раз.";
const SESSION_EXPIRED: &str = "Сеанс оплаты истёк. Обновите страницу, чтобы начать заново.";
const API_ERROR: &str = "Что-то пошло не так. Попробуйте ещё раз.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Защищённая форма ввода данных карты",
    card_number: "Номер карты",
    expiry: "Срок действия",
    expiry_placeholder: "ММ / ГГ",
    cvc: "Код безопасности",
    holder_name: "Имя владельца карты",
    optional: "(необязательно)",
    number_required: "Введите номер карты.",
    number_incomplete: "Номер карты введён не полностью.",
    number_invalid: "Неверный номер карты. Проверьте, нет ли опечаток.",
    number_unsupported: "Карты этой платёжной системы не принимаются.",
    expiry_required: "Введите срок действия карты.",
    expiry_incomplete: "Срок действия введён не полностью.",
    expiry_invalid: "Введите срок действия в формате ММ / ГГ.",
    expiry_expired: "Срок действия карты истёк.",
    expiry_too_far: "Указан слишком далёкий год окончания срока действия.",
    cvc_required: "Введите код безопасности.",
    cvc_incomplete_3: "Код безопасности состоит из 3 цифр.",
    cvc_incomplete_4: "Код безопасности состоит из 4 цифр.",
    holder_required: "Введите имя владельца карты.",
    holder_too_short: "Имя слишком короткое.",
    holder_too_long: "Имя слишком длинное (не более 26 символов).",
    holder_invalid: "Используйте только буквы, пробелы, апострофы, дефисы и точки.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Обработка…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Защищённая форма оплаты картой",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Данные карты не приняты. Проверьте их и попробуйте ещё раз.",
    api_error: API_ERROR,
    loading: "Загрузка способов оплаты…",
    load_failed: "Не удалось загрузить способы оплаты.",
    retry: "Повторить",
    methods_label: "Способ оплаты",
    pay: "Оплатить",
    expires: "Действует до",
    declined: "Ваш платёж отклонён. Попробуйте другую карту или другой способ оплаты.",
    insufficient_funds: "На карте недостаточно средств. Попробуйте другую карту.",
    fraud_declined: "Ваш банк отклонил этот платёж. Попробуйте другую карту.",
    payment_error: "Не удалось провести платёж. Попробуйте ещё раз.",
};

//! 繁體中文.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "無法連線至付款服務，請再試一次。";
const SESSION_EXPIRED: &str = "本次結帳已逾時，請重新整理頁面後重新開始。";
const API_ERROR: &str = "發生錯誤，請再試一次。";

pub static FRAME: FrameStrings = FrameStrings {
    title: "安全信用卡表單",
    card_number: "信用卡號碼",
    expiry: "有效期限",
    expiry_placeholder: "MM / YY",
    cvc: "安全碼",
    holder_name: "持卡人姓名",
    optional: "（選填）",
    number_required: "請輸入信用卡號碼。",
    number_incomplete: "信用卡號碼不完整。",
    number_invalid: "信用卡號碼無效，請檢查是否輸入錯誤。",
    number_unsupported: "不接受此信用卡品牌。",
    expiry_required: "請輸入有效期限。",
    expiry_incomplete: "有效期限不完整。",
    expiry_invalid: "請以 MM / YY 格式輸入有效期限。",
    expiry_expired: "此卡已過期。",
    expiry_too_far: "有效期限的年份過於遙遠。",
    cvc_required: "請輸入安全碼。",
    cvc_incomplete_3: "安全碼為 3 位數字。",
    cvc_incomplete_4: "安全碼為 4 位數字。",
    holder_required: "請輸入持卡人姓名。",
    holder_too_short: "姓名過短。",
    holder_too_long: "姓名過長（最多 26 個字元）。",
    holder_invalid: "僅能使用字母、空格、撇號（'）、連字號（-）和句點（.）。",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "處理中…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "安全信用卡付款表單",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "卡片資料未通過驗證，請確認後再試一次。",
    api_error: API_ERROR,
    loading: "正在載入付款方式…",
    load_failed: "無法載入付款方式。",
    retry: "再試一次",
    methods_label: "付款方式",
    pay: "付款",
    expires: "有效期限",
    declined: "您的付款遭拒，請改用其他卡片或付款方式。",
    insufficient_funds: "此卡片的可用額度或餘額不足，請改用其他卡片。",
    fraud_declined: "您的發卡銀行拒絕了此筆付款，請改用其他卡片。",
    payment_error: "無法處理此筆付款，請再試一次。",
};

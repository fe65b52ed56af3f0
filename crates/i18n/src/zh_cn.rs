//! 简体中文.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "无法连接支付服务，请重试。";
const SESSION_EXPIRED: &str = "本次支付会话已过期，请刷新页面重新开始。";
const API_ERROR: &str = "出现错误，请重试。";

pub static FRAME: FrameStrings = FrameStrings {
    title: "安全银行卡表单",
    card_number: "卡号",
    expiry: "有效期",
    expiry_placeholder: "MM / YY",
    cvc: "安全码",
    holder_name: "持卡人姓名",
    optional: "（选填）",
    number_required: "请输入卡号。",
    number_incomplete: "卡号不完整。",
    number_invalid: "卡号无效，请检查是否输入有误。",
    number_unsupported: "不支持该品牌的银行卡。",
    expiry_required: "请输入有效期。",
    expiry_incomplete: "有效期不完整。",
    expiry_invalid: "请按 MM / YY 格式输入有效期。",
    expiry_expired: "此卡已过期。",
    expiry_too_far: "有效期年份距今太远。",
    cvc_required: "请输入安全码。",
    cvc_incomplete_3: "安全码为 3 位数字。",
    cvc_incomplete_4: "安全码为 4 位数字。",
    holder_required: "请输入持卡人姓名。",
    holder_too_short: "姓名过短。",
    holder_too_long: "姓名过长（最多 26 个字符）。",
    holder_invalid: "仅可使用字母、空格、撇号（'）、连字符（-）和点（.）。",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "正在处理…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "安全银行卡支付表单",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "银行卡信息未通过验证，请检查后重试。",
    api_error: API_ERROR,
    loading: "正在加载支付方式…",
    load_failed: "无法加载支付方式。",
    retry: "重试",
    methods_label: "支付方式",
    pay: "支付",
    expires: "有效期至",
    declined: "您的付款被拒绝，请换一张卡或使用其他支付方式。",
    insufficient_funds: "该卡余额不足，请换一张卡。",
    fraud_declined: "您的银行拒绝了此笔付款，请换一张卡。",
    payment_error: "无法处理此笔付款，请重试。",
};

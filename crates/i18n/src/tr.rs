//! Türkçe.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Ödeme hizmetine ulaşılamadı. Lütfen tekrar deneyin.";
const SESSION_EXPIRED: &str = "Bu ödeme oturumunun süresi doldu. Yeniden başlamak için sayfayı yenileyin.";
const API_ERROR: &str = "Bir sorun oluştu. Lütfen tekrar deneyin.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Güvenli kart formu",
    card_number: "Kart numarası",
    expiry: "Son kullanma tarihi",
    expiry_placeholder: "AA / YY",
    cvc: "Güvenlik kodu",
    holder_name: "Kart üzerindeki isim",
    optional: "(isteğe bağlı)",
    number_required: "Kart numaranızı girin.",
    number_incomplete: "Kart numaranız eksik.",
    number_invalid: "Kart numaranız geçersiz. Yazım hatası olup olmadığını kontrol edin.",
    number_unsupported: "Bu kart markası kabul edilmiyor.",
    expiry_required: "Son kullanma tarihini girin.",
    expiry_incomplete: "Son kullanma tarihi eksik.",
    expiry_invalid: "Son kullanma tarihini AA / YY biçiminde girin.",
    expiry_expired: "Bu kartın süresi dolmuş.",
    expiry_too_far: "Son kullanma yılı çok ileride.",
    cvc_required: "Güvenlik kodunu girin.",
    cvc_incomplete_3: "Güvenlik kodu 3 hanelidir.",
    cvc_incomplete_4: "Güvenlik kodu 4 hanelidir.",
    holder_required: "Kart üzerindeki ismi girin.",
    holder_too_short: "İsim çok kısa.",
    holder_too_long: "İsim çok uzun (en fazla 26 karakter).",
    holder_invalid: "Yalnızca harf, boşluk, kesme işareti, kısa çizgi ve nokta kullanın.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "İşleniyor…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Güvenli kartla ödeme formu",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Kart bilgileri kabul edilmedi. Bilgileri kontrol edip tekrar deneyin.",
    api_error: API_ERROR,
    loading: "Ödeme yöntemleri yükleniyor…",
    load_failed: "Ödeme yöntemleri yüklenemedi.",
    retry: "Tekrar dene",
    methods_label: "Ödeme yöntemi",
    pay: "Öde",
    expires: "Son kullanma",
    declined: "Ödemeniz reddedildi. Başka bir kart veya ödeme yöntemi deneyin.",
    insufficient_funds: "Kartınızda yeterli bakiye yok. Başka bir kart deneyin.",
    fraud_declined: "Bankanız bu ödemeyi reddetti. Başka bir kart deneyin.",
    payment_error: "Ödeme işlenemedi. Lütfen tekrar deneyin.",
};

//! Bahasa Melayu.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Kami tidak dapat menghubungi perkhidmatan pembayaran. Sila cuba lagi.";
const SESSION_EXPIRED: &str = "Sesi pembayaran ini telah tamat tempoh. Muat semula halaman untuk bermula sekali lagi.";
const API_ERROR: &str = "Berlaku ralat. Sila cuba lagi.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Borang kad selamat",
    card_number: "Nombor kad",
    expiry: "Tarikh luput",
    expiry_placeholder: "BB / TT",
    cvc: "Kod keselamatan",
    holder_name: "Nama pada kad",
    optional: "(pilihan)",
    number_required: "Masukkan nombor kad anda.",
    number_incomplete: "Nombor kad anda tidak lengkap.",
    number_invalid: "Nombor kad anda tidak sah. Semak jika ada kesilapan taip.",
    number_unsupported: "Jenama kad ini tidak diterima.",
    expiry_required: "Masukkan tarikh luput.",
    expiry_incomplete: "Tarikh luput tidak lengkap.",
    expiry_invalid: "Masukkan tarikh luput dalam format BB / TT.",
    expiry_expired: "Kad ini telah tamat tempoh.",
    expiry_too_far: "Tahun luput terlalu jauh pada masa hadapan.",
    cvc_required: "Masukkan kod keselamatan.",
    cvc_incomplete_3: "Kod keselamatan mempunyai 3 digit.",
    cvc_incomplete_4: "Kod keselamatan mempunyai 4 digit.",
    holder_required: "Masukkan nama seperti yang tertera pada kad.",
    holder_too_short: "Nama terlalu pendek.",
    holder_too_long: "Nama terlalu panjang (maksimum 26 aksara).",
    holder_invalid: "Gunakan huruf, ruang, apostrofi, tanda sempang dan titik sahaja.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Memproses…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Borang pembayaran kad selamat",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Butiran kad tidak diterima. Semak butiran dan cuba lagi.",
    api_error: API_ERROR,
    loading: "Memuatkan kaedah pembayaran…",
    load_failed: "Kami tidak dapat memuatkan kaedah pembayaran.",
    retry: "Cuba lagi",
    methods_label: "Kaedah pembayaran",
    pay: "Bayar",
    expires: "Tamat tempoh",
    declined: "Pembayaran anda ditolak. Cuba kad atau kaedah pembayaran lain.",
    insufficient_funds: "Baki kad tidak mencukupi. Cuba kad lain.",
    fraud_declined: "Bank anda menolak pembayaran ini. Cuba kad lain.",
    payment_error: "Pembayaran tidak dapat diproses. Sila cuba lagi.",
};

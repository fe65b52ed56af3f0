//! Bahasa Indonesia.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Kami tidak dapat terhubung ke layanan pembayaran. Silakan coba lagi.";
const SESSION_EXPIRED: &str = "Sesi pembayaran ini telah berakhir. Muat ulang halaman untuk memulai kembali.";
const API_ERROR: &str = "Terjadi kesalahan. Silakan coba lagi.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Formulir kartu yang aman",
    card_number: "Nomor kartu",
    expiry: "Masa berlaku",
    expiry_placeholder: "BB / TT",
    cvc: "Kode keamanan",
    holder_name: "Nama pada kartu",
    optional: "(opsional)",
    number_required: "Masukkan nomor kartu Anda.",
    number_incomplete: "Nomor kartu Anda belum lengkap.",
    number_invalid: "Nomor kartu Anda tidak valid. Periksa apakah ada salah ketik.",
    number_unsupported: "Merek kartu ini tidak diterima.",
    expiry_required: "Masukkan masa berlaku kartu.",
    expiry_incomplete: "Masa berlaku belum lengkap.",
    expiry_invalid: "Masukkan masa berlaku dengan format BB / TT.",
    expiry_expired: "Kartu ini sudah kedaluwarsa.",
    expiry_too_far: "Tahun masa berlaku terlalu jauh di masa depan.",
    cvc_required: "Masukkan kode keamanan.",
    cvc_incomplete_3: "Kode keamanan terdiri dari 3 digit.",
    cvc_incomplete_4: "Kode keamanan terdiri dari 4 digit.",
    holder_required: "Masukkan nama yang tertera pada kartu.",
    holder_too_short: "Nama terlalu pendek.",
    holder_too_long: "Nama terlalu panjang (maksimal 26 karakter).",
    holder_invalid: "Gunakan hanya huruf, spasi, apostrof, tanda hubung, dan titik.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Memproses…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Formulir pembayaran kartu yang aman",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Detail kartu tidak diterima. Periksa kembali, lalu coba lagi.",
    api_error: API_ERROR,
    loading: "Memuat metode pembayaran…",
    load_failed: "Kami tidak dapat memuat metode pembayaran.",
    retry: "Coba lagi",
    methods_label: "Metode pembayaran",
    pay: "Bayar",
    expires: "Berlaku hingga",
    declined: "Pembayaran Anda ditolak. Coba kartu atau metode pembayaran lain.",
    insufficient_funds: "Saldo kartu tidak mencukupi. Coba kartu lain.",
    fraud_declined: "Bank Anda menolak pembayaran ini. Coba kartu lain.",
    payment_error: "Pembayaran tidak dapat diproses. Silakan coba lagi.",
};

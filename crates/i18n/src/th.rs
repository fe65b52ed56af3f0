//! ไทย.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "ไม่สามารถเชื่อมต่อกับบริการชำระเงินได้ โปรดลองอีกครั้ง";
const SESSION_EXPIRED: &str = "การชำระเงินนี้หมดเวลาแล้ว โปรดโหลดหน้านี้ใหม่เพื่อเริ่มต้นอีกครั้ง";
const API_ERROR: &str = "เกิดข้อผิดพลาดบางอย่าง โปรดลองอีกครั้ง";

pub static FRAME: FrameStrings = FrameStrings {
    title: "แบบฟอร์มข้อมูลบัตรที่ปลอดภัย",
    card_number: "หมายเลขบัตร",
    expiry: "วันหมดอายุ",
    expiry_placeholder: "ดด / ปป",
    cvc: "รหัสความปลอดภัย",
    holder_name: "ชื่อบนบัตร",
    optional: "(ไม่บังคับ)",
    number_required: "โปรดกรอกหมายเลขบัตร",
    number_incomplete: "หมายเลขบัตรไม่ครบถ้วน",
    number_invalid: "หมายเลขบัตรไม่ถูกต้อง โปรดตรวจสอบการพิมพ์อีกครั้ง",
    number_unsupported: "ไม่รับบัตรประเภทนี้",
    expiry_required: "โปรดกรอกวันหมดอายุ",
    expiry_incomplete: "วันหมดอายุไม่ครบถ้วน",
    expiry_invalid: "โปรดกรอกวันหมดอายุในรูปแบบ ดด / ปป",
    expiry_expired: "บัตรนี้หมดอายุแล้ว",
    expiry_too_far: "ปีที่หมดอายุห่างจากปัจจุบันมากเกินไป",
    cvc_required: "โปรดกรอกรหัสความปลอดภัย",
    cvc_incomplete_3: "รหัสความปลอดภัยมี 3 หลัก",
    cvc_incomplete_4: "รหัสความปลอดภัยมี 4 หลัก",
    holder_required: "โปรดกรอกชื่อบนบัตร",
    holder_too_short: "ชื่อสั้นเกินไป",
    holder_too_long: "ชื่อยาวเกินไป (ไม่เกิน 26 ตัวอักษร)",
    holder_invalid: "ใช้ได้เฉพาะตัวอักษร ช่องว่าง อะพอสทรอฟี (') ขีดกลาง (-) และจุด (.)",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "กำลังดำเนินการ…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "แบบฟอร์มชำระเงินด้วยบัตรที่ปลอดภัย",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "ระบบไม่ยอมรับข้อมูลบัตร โปรดตรวจสอบแล้วลองอีกครั้ง",
    api_error: API_ERROR,
    loading: "กำลังโหลดวิธีการชำระเงิน…",
    load_failed: "ไม่สามารถโหลดวิธีการชำระเงินได้",
    retry: "ลองอีกครั้ง",
    methods_label: "วิธีการชำระเงิน",
    pay: "ชำระเงิน",
    expires: "หมดอายุ",
    declined: "การชำระเงินของคุณถูกปฏิเสธ โปรดลองใช้บัตรหรือวิธีการชำระเงินอื่น",
    insufficient_funds: "ยอดเงินในบัตรไม่เพียงพอ โปรดลองใช้บัตรอื่น",
    fraud_declined: "ธนาคารของคุณปฏิเสธการชำระเงินนี้ โปรดลองใช้บัตรอื่น",
    payment_error: "ไม่สามารถดำเนินการชำระเงินได้ โปรดลองอีกครั้ง",
};

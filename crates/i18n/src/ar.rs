//! العربية.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "تعذّر الاتصال بخدمة الدفع. يُرجى المحاولة مرة أخرى.";
const SESSION_EXPIRED: &str = "انتهت صلاحية جلسة الدفع هذه. يُرجى إعادة تحميل الصفحة للبدء من جديد.";
const API_ERROR: &str = "حدث خطأ ما. يُرجى المحاولة مرة أخرى.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "نموذج البطاقة الآمن",
    card_number: "رقم البطاقة",
    expiry: "تاريخ انتهاء الصلاحية",
    expiry_placeholder: "MM / YY",
    cvc: "رمز الأمان",
    holder_name: "الاسم على البطاقة",
    optional: "(اختياري)",
    number_required: "يُرجى إدخال رقم البطاقة.",
    number_incomplete: "رقم البطاقة غير مكتمل.",
    number_invalid: "رقم البطاقة غير صالح. يُرجى التحقق من عدم وجود أخطاء في الكتابة.",
    number_unsupported: "هذا النوع من البطاقات غير مقبول.",
    expiry_required: "يُرجى إدخال تاريخ انتهاء الصلاحية.",
    expiry_incomplete: "تاريخ انتهاء الصلاحية غير مكتمل.",
    expiry_invalid: "يُرجى إدخال تاريخ انتهاء الصلاحية بالصيغة MM / YY.",
    expiry_expired: "انتهت صلاحية هذه البطاقة.",
    expiry_too_far: "سنة انتهاء الصلاحية بعيدة جدًا في المستقبل.",
    cvc_required: "يُرجى إدخال رمز الأمان.",
    cvc_incomplete_3: "يتكون رمز الأمان من 3 أرقام.",
    cvc_incomplete_4: "يتكون رمز الأمان من 4 أرقام.",
    holder_required: "يُرجى إدخال الاسم كما يظهر على البطاقة.",
    holder_too_short: "الاسم قصير جدًا.",
    holder_too_long: "الاسم طويل جدًا (26 حرفًا كحد أقصى).",
    holder_invalid: "يُرجى استخدام الأحرف والمسافات والفواصل العليا والشرطات والنقاط فقط.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "جارٍ المعالجة…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "نموذج آمن للدفع بالبطاقة",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "لم يتم قبول بيانات البطاقة. يُرجى التحقق منها والمحاولة مرة أخرى.",
    api_error: API_ERROR,
    loading: "جارٍ تحميل طرق الدفع…",
    load_failed: "تعذّر تحميل طرق الدفع.",
    retry: "إعادة المحاولة",
    methods_label: "طريقة الدفع",
    pay: "ادفع",
    expires: "تنتهي في",
    declined: "تم رفض عملية الدفع. يُرجى تجربة بطاقة أخرى أو طريقة دفع أخرى.",
    insufficient_funds: "رصيد البطاقة غير كافٍ. يُرجى تجربة بطاقة أخرى.",
    fraud_declined: "رفض البنك المُصدِر للبطاقة عملية الدفع هذه. يُرجى تجربة بطاقة أخرى.",
    payment_error: "تعذّرت معالجة عملية الدفع. يُرجى المحاولة مرة أخرى.",
};

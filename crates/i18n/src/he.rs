//! עברית.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "לא הצלחנו להתחבר לשירות התשלומים. נא לנסות שוב.";
const SESSION_EXPIRED: &str = "פג תוקפו של דף התשלום. יש לרענן את הדף כדי להתחיל מחדש.";
const API_ERROR: &str = "משהו השתבש. נא לנסות שוב.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "טופס כרטיס אשראי מאובטח",
    card_number: "מספר כרטיס",
    expiry: "תוקף",
    expiry_placeholder: "MM / YY",
    cvc: "קוד אבטחה",
    holder_name: "השם על הכרטיס",
    optional: "(לא חובה)",
    number_required: "יש להזין את מספר הכרטיס.",
    number_incomplete: "מספר הכרטיס לא שלם.",
    number_invalid: "מספר הכרטיס לא תקין. יש לבדוק שאין שגיאות הקלדה.",
    number_unsupported: "לא ניתן לשלם בכרטיס מסוג זה.",
    expiry_required: "יש להזין את תוקף הכרטיס.",
    expiry_incomplete: "תוקף הכרטיס לא שלם.",
    expiry_invalid: "יש להזין את התוקף בפורמט MM / YY.",
    expiry_expired: "תוקף הכרטיס פג.",
    expiry_too_far: "שנת התוקף רחוקה מדי בעתיד.",
    cvc_required: "יש להזין את קוד האבטחה.",
    cvc_incomplete_3: "קוד האבטחה כולל 3 ספרות.",
    cvc_incomplete_4: "קוד האבטחה כולל 4 ספרות.",
    holder_required: "יש להזין את השם שמופיע על הכרטיס.",
    holder_too_short: "השם קצר מדי.",
    holder_too_long: "השם ארוך מדי (עד 26 תווים).",
    holder_invalid: "יש להשתמש באותיות, ברווחים, בגרש, במקף ובנקודה בלבד.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "מתבצע עיבוד…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "טופס מאובטח לתשלום בכרטיס אשראי",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "פרטי הכרטיס לא התקבלו. נא לבדוק אותם ולנסות שוב.",
    api_error: API_ERROR,
    loading: "אמצעי התשלום נטענים…",
    load_failed: "לא הצלחנו לטעון את אמצעי התשלום.",
    retry: "לנסות שוב",
    methods_label: "אמצעי תשלום",
    pay: "לתשלום",
    expires: "בתוקף עד",
    declined: "התשלום נדחה. נא לנסות כרטיס אחר או אמצעי תשלום אחר.",
    insufficient_funds: "אין בכרטיס יתרה או מסגרת מספיקה. נא לנסות כרטיס אחר.",
    fraud_declined: "הבנק שלך דחה את התשלום הזה. נא לנסות כרטיס אחר.",
    payment_error: "לא ניתן היה לעבד את התשלום. נא לנסות שוב.",
};

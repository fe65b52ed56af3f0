//! Tiếng Việt.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "Không thể kết nối với dịch vụ thanh toán. Vui lòng thử lại.";
const SESSION_EXPIRED: &str = "Phiên thanh toán này đã hết hạn. Vui lòng tải lại trang để bắt đầu lại.";
const API_ERROR: &str = "Đã xảy ra lỗi. Vui lòng thử lại.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Biểu mẫu thẻ bảo mật",
    card_number: "Số thẻ",
    expiry: "Ngày hết hạn",
    expiry_placeholder: "TT / NN",
    cvc: "Mã bảo mật",
    holder_name: "Tên chủ thẻ",
    optional: "(không bắt buộc)",
    number_required: "Vui lòng nhập số thẻ.",
    number_incomplete: "Số thẻ chưa đầy đủ.",
    number_invalid: "Số thẻ không hợp lệ. Vui lòng kiểm tra lại các chữ số đã nhập.",
    number_unsupported: "Loại thẻ này không được chấp nhận.",
    expiry_required: "Vui lòng nhập ngày hết hạn.",
    expiry_incomplete: "Ngày hết hạn chưa đầy đủ.",
    expiry_invalid: "Vui lòng nhập ngày hết hạn theo định dạng TT / NN.",
    expiry_expired: "Thẻ này đã hết hạn.",
    expiry_too_far: "Năm hết hạn quá xa trong tương lai.",
    cvc_required: "Vui lòng nhập mã bảo mật.",
    cvc_incomplete_3: "Mã bảo mật gồm 3 chữ số.",
    cvc_incomplete_4: "Mã bảo mật gồm 4 chữ số.",
    holder_required: "Vui lòng nhập tên in trên thẻ.",
    holder_too_short: "Tên quá ngắn.",
    holder_too_long: "Tên quá dài (tối đa 26 ký tự).",
    holder_invalid: "Chỉ sử dụng chữ cái, dấu cách, dấu nháy đơn, dấu gạch nối và dấu chấm.",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Đang xử lý…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Biểu mẫu thanh toán thẻ bảo mật",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "Thông tin thẻ không được chấp nhận. Vui lòng kiểm tra và thử lại.",
    api_error: API_ERROR,
    loading: "Đang tải phương thức thanh toán…",
    load_failed: "Không thể tải phương thức thanh toán.",
    retry: "Thử lại",
    methods_label: "Phương thức thanh toán",
    pay: "Thanh toán",
    expires: "Hết hạn",
    declined: "Thanh toán của bạn đã bị từ chối. Vui lòng thử thẻ hoặc phương thức thanh toán khác.",
    insufficient_funds: "Thẻ không đủ số dư. Vui lòng thử thẻ khác.",
    fraud_declined: "Ngân hàng của bạn đã từ chối giao dịch này. Vui lòng thử thẻ khác.",
    payment_error: "Không thể xử lý thanh toán. Vui lòng thử lại.",
};

import type { ProblemCode } from './codes.js';
import { localProblemsVi } from './problems-local-vi.js';

/**
 * Vietnamese text of every problem code. In a module of its own, apart from {@link rulesVi}: `DvcError`
 * needs these, and a widget shows the rule texts only once the citizen has acted.
 */
export const problemsVi: Readonly<Record<ProblemCode, string>> = {
  ...localProblemsVi,
  validation_failed: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  origin_not_allowed: 'Trang này không được phép gọi dịch vụ định danh.',
  body_too_large: 'Yêu cầu gửi tới dịch vụ định danh quá lớn.',
  unsupported_media_type: 'Dịch vụ định danh chỉ nhận dữ liệu dạng JSON (application/json).',
  carrier_mismatch: 'Thông tin đăng ký không khớp với thông tin thuê bao tại nhà mạng. Vui lòng kiểm tra lại số giấy tờ, họ tên, ngày sinh và số điện thoại.',
  bhxh_mismatch: 'Thông tin kê khai không khớp với thông tin trong Cơ sở dữ liệu Bảo hiểm xã hội, không đăng ký được tài khoản. Vui lòng kiểm tra lại số giấy tờ, mã số BHXH, họ tên và ngày sinh.',
  phone_recovery_unconfirmed: 'Không xác nhận được thông tin. Bạn có thể mang thẻ Căn cước tới bộ phận một cửa để đổi số điện thoại.',
  cccd_already_added: 'Tài khoản này đã đăng nhập được bằng số CCCD 12 số; chỉ tài khoản đăng ký bằng CMND 9 số mới cần bổ sung số CCCD.',
  cccd_in_use: 'Số CCCD này đã có tài khoản khác. Vui lòng đăng nhập bằng số CCCD đó hoặc chọn “Quên mật khẩu”.',
  account_not_found: 'Không có tài khoản này.',
  invalid_credentials: 'Số định danh hoặc mật khẩu không đúng.',
  too_many_attempts: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
  otp_invalid: 'Mã OTP không đúng. Vui lòng kiểm tra tin nhắn và nhập lại.',
  otp_attempts_exceeded: 'Bạn đã nhập sai mã OTP quá số lần cho phép. Vui lòng chọn “Gửi lại OTP”.',
  otp_resend_too_soon: 'Vui lòng chờ {seconds} giây trước khi gửi lại OTP.',
  otp_rate_limited: 'Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau {seconds} giây.',
  flow_step: 'Bước này chưa thực hiện được. Vui lòng hoàn thành bước trước.',
  idempotency_conflict: 'Yêu cầu này đã được gửi với nội dung khác.',
  unauthorized: 'Bạn cần đăng nhập để tiếp tục.',
  client_mismatch: 'Phiên đăng nhập này thuộc một cổng dịch vụ công khác; hãy đăng xuất từ cổng đó.',
  insufficient_user_authentication: 'Dịch vụ này cần mức xác minh hoặc mức đăng nhập cao hơn. Vui lòng xác thực thêm để tiếp tục.',
  registry_unavailable: 'Hệ thống xác minh đang bận. Vui lòng thử lại sau ít phút.',
  passkey_not_found: 'Không tìm thấy khóa đăng nhập (passkey) này trong tài khoản.',
  passkey_verification_failed: 'Không xác thực được khóa đăng nhập (passkey). Vui lòng thử lại hoặc dùng mã OTP.',
  passkey_already_added: 'Khóa đăng nhập (passkey) này đã có trong tài khoản.',
  passkey_limit_reached: 'Tài khoản đã có đủ số khóa đăng nhập (passkey) cho phép. Vui lòng xóa bớt một khóa rồi thêm lại.',
  recent_sign_in_required: 'Để thêm khóa đăng nhập (passkey), vui lòng đăng nhập lại rồi thực hiện ngay.',
  already_ial3: 'Tài khoản này đã được xác minh ở mức độ cao (IAL3); không cần nâng mức nữa.',
  sms_unavailable: 'Không gửi được tin nhắn. Vui lòng thử lại sau ít phút.',
  cert_expired: 'Chứng thư số đã hết hạn. Vui lòng gia hạn hoặc dùng chứng thư số khác.',
  cert_not_yet_valid: 'Chứng thư số chưa đến ngày có hiệu lực. Vui lòng kiểm tra lại ngày giờ hoặc dùng chứng thư số khác.',
  cert_revoked: 'Chứng thư số đã bị thu hồi. Vui lòng liên hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số.',
  cert_untrusted: 'Chứng thư số không do tổ chức chứng thực chữ ký số được tin cậy cấp cho đối tượng này.',
  cert_key_usage: 'Chứng thư số này không dùng được để ký số. Vui lòng chọn chứng thư số dùng cho chữ ký số.',
  signature_mismatch: 'Chữ ký số không khớp với chứng thư số và nội dung cần ký. Vui lòng ký lại.',
  subject_mismatch: 'Thông tin trên chứng thư số không khớp với số định danh hoặc mã số thuế đã khai.',
  challenge_expired: 'Yêu cầu ký số đã hết hạn. Vui lòng bắt đầu ký lại.',
  challenge_used: 'Yêu cầu ký số này đã được sử dụng. Vui lòng bắt đầu ký lại.',
  revocation_unavailable: 'Chưa kiểm tra được tình trạng thu hồi của chứng thư số. Vui lòng thử lại sau ít phút.',
};

import type { LocalProblemCode } from './codes.js';

/**
 * Vietnamese text of the problems a browser client tells without the service's word: no answer
 * (`network`, `timeout`), a cancelled or unreadable call, a flow whose time ran out on the page, a human
 * check that could not be solved, a code that expired while the citizen looked at it. The service words
 * every other problem itself, in the language asked (its `detail`), so a widget needs only these.
 * {@link problemsVi} holds them too.
 */
export const localProblemsVi: Readonly<Record<LocalProblemCode, string>> = {
  network: 'Không kết nối được tới dịch vụ định danh. Vui lòng kiểm tra kết nối mạng.',
  timeout: 'Dịch vụ định danh phản hồi quá lâu. Vui lòng thử lại.',
  aborted: 'Yêu cầu đã bị hủy.',
  internal: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.',
  not_found: 'Không tìm thấy.',
  unknown_client: 'Cổng dịch vụ công này chưa được đăng ký với dịch vụ định danh.',
  flow_not_found: 'Phiên thao tác đã hết hạn hoặc không tồn tại. Vui lòng bắt đầu lại.',
  otp_expired: 'Mã OTP đã hết hạn. Vui lòng chọn “Gửi lại OTP”.',
  human_check_failed: 'Không xác nhận được bạn không phải là máy. Vui lòng thử lại.',
  account_exists: 'Số định danh này đã có tài khoản. Vui lòng đăng nhập hoặc chọn “Quên mật khẩu”.',
};

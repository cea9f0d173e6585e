import type { FieldRule } from './codes.js';
import { localRulesVi } from './rules-local-vi.js';

export { problemsVi } from './problems-vi.js';
export { localProblemsVi } from './problems-local-vi.js';
export { localRulesVi } from './rules-local-vi.js';

/** Vietnamese text of every field rule. */
export const rulesVi: Readonly<Record<FieldRule, string>> = {
  ...localRulesVi,
  too_long: 'Giá trị quá dài.',
  unchanged: 'Giá trị mới trùng với giá trị hiện tại của tài khoản.',
  subject_type: 'Đối tượng không hợp lệ.',
  method_not_offered: 'Cổng này không cung cấp phương thức xác minh đã chọn. Vui lòng chọn phương thức khác.',
  password_guessable: 'Mật khẩu này dễ bị đoán (từ hoặc mật khẩu phổ biến, chỉ thêm chữ hoa, ký tự thay thế hoặc số ở cuối). Hãy chọn một cụm từ dài hơn, khó đoán hơn.',
  password_reused: 'Mật khẩu mới không được trùng với 5 mật khẩu gần nhất.',
  certificate_format: 'Không đọc được chứng thư số (cần dạng PEM hoặc DER mã hóa base64).',
  exactly_one: 'Chỉ gửi một trong hai: chữ ký số hoặc mã yêu cầu ký số.',
  method_mismatch: 'Phương thức đã chọn không khớp với chữ ký số đã gửi.',
};

import type { PasskeyCatalogue } from './catalogue.js';

/** Passkeys in Vietnamese ("khóa truy cập", as the platforms' own Vietnamese screens call them). */
export const passkeyVi: PasskeyCatalogue = {
  name: 'Khóa truy cập',
  heading: 'Khóa truy cập (passkey)',
  use: 'Dùng khóa truy cập (passkey)',
  failure: {
    cancelled: 'Chưa dùng được khóa truy cập (đã hủy hoặc hết thời gian). Hãy thử lại hoặc nhập mã OTP.',
    exists: 'Thiết bị này đã có khóa truy cập của tài khoản.',
    failed: 'Trình duyệt không dùng được khóa truy cập.',
  },
  details: (created, used) => `Thêm ngày ${created}, ${used ? `dùng lần cuối ngày ${used}` : 'chưa dùng'}`,
  add: 'Thêm khóa truy cập',
  nameLabel: 'Tên gợi nhớ (không bắt buộc)',
  remove: (name) => `Xóa ${name}`,
  confirmRemove: 'Sau khi xóa, khóa này không dùng để đăng nhập được nữa; bạn nhập mã OTP thay thế.',
  added: 'Đã thêm khóa truy cập; lần sau hãy dùng khóa thay cho mã OTP.',
  removed: 'Đã xóa khóa truy cập.',
};

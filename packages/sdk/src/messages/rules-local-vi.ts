import type { LocalFieldRule } from './codes.js';

/**
 * Vietnamese text of the field rules a browser client checks on its own (the SDK's checks of ID numbers, tax codes,
 * phones, dates, names and passwords, a missing field, the code's format), with `invalid_type` for any
 * rule without a text. The service words the rules only it applies (its field errors' `message`, in the
 * language asked), so a widget needs only these. {@link rulesVi} holds them too.
 */
export const localRulesVi: Readonly<Record<LocalFieldRule, string>> = {
  required: 'Vui lòng nhập thông tin này.',
  invalid_type: 'Giá trị không đúng kiểu dữ liệu.',
  id_number_format: 'Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).',
  id_number_province: 'Ba chữ số đầu của số CCCD phải là mã tỉnh, thành phố nơi đăng ký khai sinh; vui lòng kiểm tra lại.',
  id_number_century: 'Chữ số thứ 4 đến 6 của số CCCD cho một năm sinh chưa tới; vui lòng kiểm tra lại.',
  id_number_birth_year: 'Năm sinh không khớp với năm sinh trong số định danh cá nhân (chữ số thứ 4 đến 6).',
  id_number_sex: 'Giới tính không khớp với giới tính trong số định danh cá nhân (chữ số thứ 4).',
  id_number_cccd: 'Vui lòng nhập số CCCD gồm 12 chữ số (không phải số CMND 9 chữ số).',
  phone_format: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0971234398).',
  phone_carrier: 'Đầu số này không thuộc nhà mạng di động Việt Nam.',
  phone_converted: 'Số điện thoại 11 số đã được chuyển sang 10 số từ năm 2018. Số mới của bạn là {suggestion}.',
  date_format: 'Nhập ngày theo dạng dd/mm/yyyy (ví dụ 05/09/1990).',
  date_invalid: 'Ngày này không có trên lịch.',
  date_future: 'Ngày sinh không thể ở tương lai.',
  date_too_old: 'Ngày sinh không hợp lệ.',
  name_characters: 'Họ và tên chỉ gồm chữ cái, dấu cách, dấu nháy và gạch nối.',
  name_script: 'Họ và tên phải viết bằng một bộ chữ (không trộn chữ Latinh với chữ của bộ chữ khác).',
  name_control: 'Họ và tên không được chứa dấu xuống dòng hoặc ký tự điều khiển.',
  name_length: 'Họ và tên dài từ 2 đến 100 ký tự.',
  email_format: 'Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn).',
  bhxh_format: 'Mã số BHXH gồm 10 chữ số.',
  tax_code_format: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu “-” và 3 chữ số với chi nhánh.',
  otp_format: 'Mã OTP gồm 6 chữ số.',
  consent_required: 'Bạn cần đồng ý với điều khoản xử lý dữ liệu cá nhân.',
  password_min_length: 'Ít nhất {min} ký tự',
  password_max_length: 'Không quá {max} ký tự',
  password_lower: 'Có chữ thường (a–z)',
  password_upper: 'Có chữ hoa (A–Z)',
  password_digit: 'Có chữ số (0–9)',
  password_special: 'Có ký tự đặc biệt (ví dụ @ # $ !)',
  password_control: 'Mật khẩu không được chứa dấu xuống dòng hoặc ký tự điều khiển.',
  password_common: 'Mật khẩu này quá phổ biến, dễ bị đoán.',
  password_personal_data: 'Mật khẩu không được chứa số định danh, số điện thoại, ngày sinh hoặc tên.',
  password_mismatch: 'Mật khẩu xác nhận không khớp.',
};

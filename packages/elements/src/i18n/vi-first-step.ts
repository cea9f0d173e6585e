import type { FirstStepCatalogue } from './catalogue.js';

/**
 * The Vietnamese strings of what every widget shows first — the sign-in form, the human check, the
 * loading and error lines — which the core of the bundle carries. The rest ({@link viLater})
 * comes with the later steps; {@link vi} is both.
 */
export const viFirstStep: FirstStepCatalogue = {
  loading: 'Đang tải…',
  retry: 'Thử lại',
  startAgain: 'Bắt đầu lại',
  fatalHeading: 'Chưa thể tiếp tục',
  forgotPassword: 'Quên mật khẩu',
  lostPhone: 'Mất số điện thoại nhận OTP',
  stepOf: (step, total) => `Bước ${step}/${total}`,
  widgetMisconfigured: 'Biểu mẫu này chưa được cài đặt đầy đủ trên trang. Vui lòng báo cho đơn vị quản lý cổng dịch vụ công.',
  idNumberLabel: 'Số định danh cá nhân',
  idNumberHint: 'Số căn cước công dân (CCCD) gồm 12 chữ số',
  signInTitle: 'Đăng nhập',
  signIn: 'Đăng nhập',
  passwordLabel: 'Mật khẩu',
  showPassword: 'Hiện mật khẩu',
  signInWithSignature: 'Đăng nhập bằng chữ ký số',
  humanCheckLabel: 'Tôi không phải là người máy',
  humanCheckSolving: 'Đang xác minh…',
  humanCheckSolved: 'Đã xác minh bạn không phải là người máy',
};

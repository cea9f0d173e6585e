import type { GateCatalogue } from './catalogue.js';

/** `<dvc-assurance-gate>` in Vietnamese. */
export const gateVi: GateCatalogue = {
  checking: 'Đang kiểm tra…',
  reason: (why, level) =>
    ({
      signIn: 'Vui lòng đăng nhập để sử dụng dịch vụ này.',
      aal: 'Dịch vụ này yêu cầu đăng nhập bằng mật khẩu kèm mã OTP hoặc passkey; vui lòng đăng nhập lại.',
      aal3: 'Dịch vụ này yêu cầu đăng nhập bằng chữ ký số (USB ký số hoặc SIM ký số).',
      maxAge: `Dịch vụ này yêu cầu bạn đăng nhập trong vòng ${Math.ceil(level / 60)} phút gần nhất; vui lòng đăng nhập lại.`,
      ial: `Dịch vụ này yêu cầu tài khoản xác minh mức ${level}; hãy ký số để nâng mức xác minh.`,
      vneid: `Dịch vụ này yêu cầu đăng nhập bằng tài khoản định danh điện tử VNeID mức ${level}.`,
    })[why],
};

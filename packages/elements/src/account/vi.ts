import type { AccountCatalogue } from './catalogue.js';

/** `<dvc-account>` in Vietnamese. */
export const accountVi: AccountCatalogue = {
  heading: 'Tài khoản của bạn',
  idNumbersTerm: 'Số định danh đăng nhập',
  idNumberKind: (kind) => (kind === 'mst' ? 'mã số thuế' : kind === 'cmnd' ? 'CMND 9 số' : 'CCCD 12 số'),
  levelTerm: 'Mức xác minh',
  phoneTerm: 'Số điện thoại nhận mã OTP',
  emailTerm: 'Email',
  bhxhTerm: 'Mã số BHXH',
  bhxhKept: 'Đã lưu, dùng khi mất số điện thoại',
  none: 'Chưa có',
  actionsHeading: 'Thay đổi tài khoản',
  actions: { password: 'Đổi mật khẩu', email: 'Đổi email', phone: 'Đổi số điện thoại', cccd: 'Bổ sung số CCCD', signOut: 'Đăng xuất khỏi mọi thiết bị', upgrade: 'Nâng lên mức 3 bằng chữ ký số' },
  done: (action, ended) =>
    `${{ password: 'Đã đổi mật khẩu.', email: 'Đã đổi email.', phone: 'Đã đổi số điện thoại; số cũ nhận được tin báo.', cccd: 'Đã bổ sung số CCCD; bạn đăng nhập được bằng cả hai số.', upgrade: 'Tài khoản đã được nâng lên mức xác minh 3.' }[action]}${ended ? ` Đã đăng xuất ${ended} phiên khác.` : ''}`,
  currentPasswordLabel: 'Mật khẩu hiện tại',
  currentPasswordWrong: 'Mật khẩu hiện tại không đúng.',
  newEmailLabel: 'Email mới',
  newPhoneHint: 'Số thuê bao đứng tên bạn tại nhà mạng; mã OTP gửi tới số mới',
  cccdLabel: 'Số CCCD',
  cccdHint: 'Số căn cước công dân gồm 12 chữ số, như trên thẻ',
  endOtherSessions: 'Đăng xuất khỏi các thiết bị khác',
  cancel: 'Hủy',
  confirmSignOutHeading: 'Đăng xuất khỏi mọi thiết bị?',
  confirmSignOutText: 'Mọi phiên đăng nhập của tài khoản trên mọi cổng dịch vụ công sẽ kết thúc, kể cả phiên này.',
  signedOutHeading: 'Bạn đã đăng xuất',
  signedOutEverywhere: (sessions) => `Đã kết thúc ${sessions} phiên đăng nhập trên mọi cổng dịch vụ công.`,
  sessionEnded: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
};

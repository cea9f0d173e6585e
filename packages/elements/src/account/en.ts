import type { AccountCatalogue } from './catalogue.js';

/** `<dvc-account>` in English. */
export const accountEn: AccountCatalogue = {
  heading: 'Your account',
  idNumbersTerm: 'ID numbers you sign in with',
  idNumberKind: (kind) => (kind === 'mst' ? 'tax code' : kind === 'cmnd' ? '9-digit CMND' : '12-digit CCCD'),
  levelTerm: 'Verification',
  phoneTerm: 'Phone that receives codes',
  emailTerm: 'Email',
  bhxhTerm: 'Social insurance code',
  bhxhKept: 'Kept, used if you lose your phone',
  none: 'None',
  actionsHeading: 'Change your account',
  actions: { password: 'Change password', email: 'Change email', phone: 'Change phone number', cccd: 'Add your CCCD number', signOut: 'Sign out everywhere', upgrade: 'Raise to level 3 with a digital signature' },
  done: (action, ended) =>
    `${{ password: 'Your password is changed.', email: 'Your email is changed.', phone: 'Your phone number is changed; the old number got a notice.', cccd: 'Your CCCD is added; you can sign in with either number.', upgrade: 'Your account is now at assurance level 3.' }[action]}${ended ? ` ${ended} other ${ended === 1 ? 'session' : 'sessions'} signed out.` : ''}`,
  currentPasswordLabel: 'Current password',
  currentPasswordWrong: 'The current password is incorrect.',
  newEmailLabel: 'New email',
  newPhoneHint: 'A mobile number registered in your name; the code goes to the new number',
  cccdLabel: 'CCCD number',
  cccdHint: 'The 12-digit citizen identity card number, as on the card',
  endOtherSessions: 'Sign out of other devices',
  cancel: 'Cancel',
  confirmSignOutHeading: 'Sign out everywhere?',
  confirmSignOutText: 'Every session of your account on every public-service portal will end, this one too.',
  signedOutHeading: 'You are signed out',
  signedOutEverywhere: (sessions) => `${sessions} ${sessions === 1 ? 'session' : 'sessions'} ended on every public-service portal.`,
  sessionEnded: 'Your session has ended. Please sign in again.',
};

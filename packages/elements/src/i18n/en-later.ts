import { accountEn } from '../account/en.js';
import { gateEn } from '../assurance-gate/en.js';
import { passkeyEn } from '../passkey/en.js';
import { signatureEn } from '../signature/en.js';
import type { LaterCatalogue } from './catalogue.js';

/** The English strings of the later steps and the other widgets, fetched when one is needed in English. */
export const enLater: LaterCatalogue = {
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  continue: 'Continue',
  assuranceLevel: (level) => `Assurance level ${level}`,
  misconfiguredConsole: (tag, missing) =>
    `DVC Kit: <${tag}> is missing ${missing}. Set service="https://…" (the identity service's address) and client-id="…" (the portal's id registered with the service), or set the client property.`,
  originNotAllowedConsole: (origin, service, clientId) =>
    `DVC Kit: the identity service ${service} does not allow pages on the origin ${origin} to call it with client-id "${clientId}". Add "${origin}" to the origins of client "${clientId}" in the service's configuration (clients[].origins), or embed the widget on an origin already listed.`,

  registerTitle: 'Create an account',
  methodHeading: 'Choose who you are and how to verify',
  subjectLegend: 'Who is registering',
  subjectNames: { citizen: 'Citizen', enterprise: 'Enterprise', agency: 'State agency' },
  methodLegend: 'Verification method',
  methodGroup: (level) => (level >= 3 ? 'Level 3 – high assurance' : 'Level 2 – substantial assurance'),
  methodNames: {
    mobile: 'Mobile subscriber',
    bhxh: 'Social insurance',
    vnpost: 'Vietnam Post',
    usb_token: 'USB signing token',
    sim_signature: 'SIM signature',
    remote_signing: 'Remote signing',
    vneid: 'VNeID electronic identification account',
  },
  methodHints: {
    mobile: 'A mobile number registered in your name at the carrier',
    bhxh: 'Your 10-digit social insurance code',
  },
  methodRequired: 'Choose a verification method.',
  noMethods: 'This portal does not offer online registration yet.',
  noMethodsForType: 'This service does not yet offer a way to register for this type.',
  methodUnavailable: 'Not yet available on this service',
  bhxhCodeLabel: 'Social insurance code',
  bhxhCodeHint: '10 digits, on your social insurance book or health insurance card',
  phoneHintBhxh: 'The code will be sent to this number, for example 0971234398',
  detailsHeading: { citizen: 'Your details', enterprise: 'The enterprise’s details', agency: 'Your details as an officer' },
  taxCodeLabel: 'Tax code (MST)',
  taxCodeHint: 'The enterprise code, 10 digits; a branch adds “-” and 3 digits, for example 0101234567-001',
  back: 'Back',
  fullNameLabel: 'Full name',
  fullNameHint: 'With diacritics, as on your ID card',
  birthDateLabel: 'Date of birth (dd/mm/yyyy)',
  birthDateHint: 'For example 05/09/1990',
  phoneLabel: 'Mobile phone number',
  phoneHint: 'Registered in your name, for example 0971234398',
  emailLabel: 'Email (optional)',
  emailHint: 'To receive notices about your account',
  consentLegend: 'Personal data processing',
  consentLabel: (version) =>
    `I agree to my personal data being processed to register and authenticate my account, under Decree 13/2023/ND-CP on personal data protection (version ${version}).`,
  codeHeading: 'Enter the code',
  codeFieldName: 'Code',
  passwordHeading: 'Set a password',
  completeRegistration: 'Complete registration',
  registeredHeading: 'Your account has been created',
  registeredAccount: (name, maskedId) => `Account: ${name} (${maskedId})`,
  registeredEverywhere: 'You can use it to sign in on every public-service portal.',

  signedIn: (name, level) => `Signed in: ${name} — Assurance level ${level}`,
  signedInAccount: (maskedId) => `ID number: ${maskedId}`,

  codeSentTo: (maskedPhone) => `A code has been sent to ${maskedPhone}`,
  codeResentTo: (maskedPhone) => `A new code has been sent to ${maskedPhone}`,
  codeLabel: (length) => `Code (${length} digits)`,
  codeValidFor: (time) => `The code is valid for ${time}`,
  codeExpired: 'The code has expired.',
  codeOneMinuteLeft: 'The code is valid for 1 more minute.',
  confirmCode: 'Confirm',
  resend: 'Resend code',
  resendIn: (time) => `You can ask for a new code in ${time}`,
  resendAvailable: 'You can now choose “Resend code” to get a new code.',

  newPasswordLabel: 'Password',
  confirmPasswordLabel: 'Confirm password',
  passwordNeeds: 'Your password needs:',
  ruleMet: 'Done:',
  ruleUnmet: 'Not yet:',
  rulesProgress: (met, total) => `${met} of ${total} password requirements met`,

  humanCheckRequired: 'Please tick “I am not a robot”.',

  progress: {
    checkingCarrier: 'Checking with the mobile carrier…',
    checkingSocialInsurance: 'Checking with the social insurance database…',
    sendingCode: 'Sending the code…',
    checkingCode: 'Checking the code…',
    saving: 'Saving…',
    checkingCredentials: 'Checking your sign-in details…',
    humanCheck: 'Checking that you are not a robot…',
  },
  expiryWarning: (minutes) =>
    `This session ends in ${minutes} minutes and cannot be extended. Finish before then; otherwise you will need to start again.`,
  accountExistsHeading: 'This ID number already has an account',
  organisationExistsHeading: { enterprise: 'This tax code already has an account', agency: 'This ID number already has an officer account' },
  organisationExistsText: 'Please sign in with the digital signature you registered with.',
  usernameLabel: 'User name',

  recoveryIntro: 'Enter the ID number of the account. If it has an account, a code will be sent to its registered phone.',
  sendCode: 'Send code',
  codeSentToAccountPhone: 'If this ID number has an account, a code has been sent to its registered phone.',
  codeResentToAccountPhone: 'If this ID number has an account, a new code has been sent to its registered phone.',
  newPasswordHeading: 'Set a new password',
  recoveredHeading: 'Your password has been changed',
  recoveredText: 'Every other session of the account has ended. Please sign in with the new password.',
  backToSignIn: 'Back to sign in',
  lostPhoneIntro:
    'If your account was registered with a social insurance code, you can change the phone that receives codes yourself: enter your details as you registered them and a new mobile number registered in your name. The code will be sent to the new number.',
  lostPhoneBhxhHint: 'Your 10-digit social insurance code, as when you registered',
  newPhoneLabel: 'New mobile phone number',
  newPhoneHint: 'Registered in your name, for example 0971234398',
  phoneRecoveredHeading: 'The phone that receives codes has been changed',
  phoneRecoveredText: 'Codes now go to the new number. Every session of the account has ended on every portal; please sign in again.',
  counterHeading: 'Change your phone at a one-stop counter',
  counterUnconfirmed: 'The details you entered could not be confirmed, so the phone cannot be changed online.',
  counterNotOffered: 'This portal cannot change the phone that receives codes online yet.',
  counterAdvice:
    'Please take your citizen identity card (CCCD) to a one-stop counter (bộ phận một cửa). An officer will check it in person and change the phone that receives codes for your account.',

  account: accountEn,
  gate: gateEn,
  passkey: passkeyEn,
  signature: signatureEn,
};

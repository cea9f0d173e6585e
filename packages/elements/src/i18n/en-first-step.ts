import type { FirstStepCatalogue } from './catalogue.js';

/**
 * The English strings of what every widget shows first — the sign-in form, the human check, the loading
 * and error lines — fetched as soon as a widget speaks English on its first step (a small chunk of its
 * own: a Vietnamese page never fetches it). The rest ({@link enLater}) comes when a later step is needed
 * in English; {@link en} is both.
 */
export const enFirstStep: FirstStepCatalogue = {
  loading: 'Loading…',
  retry: 'Try again',
  startAgain: 'Start again',
  fatalHeading: 'We cannot continue yet',
  forgotPassword: 'Forgot password',
  lostPhone: 'Lost the phone that receives codes',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  widgetMisconfigured: 'This form is not fully set up on this page. Please tell the team that runs this portal.',
  idNumberLabel: 'Personal ID number',
  idNumberHint: 'Your citizen identity card (CCCD) number, 12 digits',
  signInTitle: 'Sign in',
  signIn: 'Sign in',
  passwordLabel: 'Password',
  showPassword: 'Show password',
  signInWithSignature: 'Sign in with a digital signature',
  humanCheckLabel: 'I am not a robot',
  humanCheckSolving: 'Checking…',
  humanCheckSolved: 'Checked: you are not a robot',
};

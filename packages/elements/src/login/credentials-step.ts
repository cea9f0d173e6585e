import type { FieldTarget } from '../shared/controllers/feedback-controller.js';

/** The order of the credentials fields of sign-in's first step, with the id each error summary link leads to. */
export const CREDENTIALS_FIELDS: readonly FieldTarget[] = [
  { name: 'idNumber', id: 'id-number', label: 'idNumberLabel' },
  { name: 'password', id: 'password', label: 'passwordLabel' },
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

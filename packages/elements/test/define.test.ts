import { expect } from '@open-wc/testing';
import '../src/define.js';
import { defineElements, ELEMENTS } from '../src/index.js';

describe('define', () => {
  it('registers every element under its dvc- tag', () => {
    for (const [tag, element] of Object.entries(ELEMENTS)) expect(customElements.get(tag), tag).to.equal(element);
    expect(Object.keys(ELEMENTS)).to.deep.equal(['dvc-register', 'dvc-login', 'dvc-method-picker', 'dvc-otp-input', 'dvc-password-field', 'dvc-human-check', 'dvc-assurance-gate', 'dvc-recovery', 'dvc-phone-recovery', 'dvc-account', 'dvc-signature']);
  });

  it('is harmless a second time, as when a page loads the bundle twice', () => {
    expect(() => defineElements()).not.to.throw();
  });
});

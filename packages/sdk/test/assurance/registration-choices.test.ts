import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { METHOD_IAL, METHODS_BY_SUBJECT_TYPE, registrationChoices, SUBJECT_TYPES } from '../../src/index.js';

describe('registrationChoices: subject types and methods as the national portal groups them', () => {
  test('lists citizen, enterprise and agency in the portal order, each with the methods it may use', () => {
    const choices = registrationChoices(['mobile']);
    assert.deepEqual(choices.map((choice) => choice.subjectType), ['citizen', 'enterprise', 'agency']);
    assert.deepEqual(SUBJECT_TYPES, ['citizen', 'enterprise', 'agency']);
    const methods = (type: string) => choices.find((choice) => choice.subjectType === type)!.methods.map((m) => m.method);
    assert.deepEqual(methods('citizen'), ['mobile', 'bhxh', 'vnpost', 'usb_token', 'sim_signature', 'remote_signing']);
    assert.deepEqual(methods('enterprise'), ['usb_token', 'sim_signature', 'remote_signing'], 'register checks (IAL2) are for citizens only');
    assert.deepEqual(methods('agency'), ['usb_token']);
  });

  test('groups by level, IAL2 before IAL3, with the level each method gives', () => {
    for (const { methods } of registrationChoices([])) {
      const levels = methods.map((m) => m.ial);
      assert.deepEqual(levels, [...levels].sort((a, b) => a - b));
      for (const m of methods) assert.equal(m.ial, METHOD_IAL[m.method]);
    }
  });

  test('marks available only what the service offers; IAL3 stays unavailable until offered', () => {
    const citizen = registrationChoices(['mobile', 'bhxh'])[0]!;
    assert.deepEqual(
      citizen.methods.filter((m) => m.available).map((m) => m.method),
      ['mobile', 'bhxh'],
    );
    const enterprise = registrationChoices(['mobile', 'bhxh'])[1]!;
    assert.ok(enterprise.methods.every((m) => !m.available), 'no enterprise method pretends to work');
    assert.ok(registrationChoices(['usb_token'])[2]!.methods[0]!.available);
  });

  test('every subject type may use at least one method, and every method is known to the level table', () => {
    for (const type of SUBJECT_TYPES) {
      assert.ok(METHODS_BY_SUBJECT_TYPE[type].length > 0);
      for (const method of METHODS_BY_SUBJECT_TYPE[type]) assert.ok(method in METHOD_IAL);
    }
  });
});

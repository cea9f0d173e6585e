import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acrFor, meets, METHOD_IAL, parseAcr, type Assurance } from '../../src/assurance/levels.js';

const assurance = fc.record(
  {
    ial: fc.constantFrom(1 as const, 2 as const, 3 as const),
    aal: fc.constantFrom(1 as const, 2 as const, 3 as const),
    vneidLevel: fc.constantFrom(1 as const, 2 as const),
  },
  { requiredKeys: ['ial', 'aal'] },
).map((value): Assurance => ({ ...value }));

describe('acrFor', () => {
  test('writes the acr claim of an assurance', () => {
    assert.equal(acrFor({ ial: 2, aal: 2 }), 'urn:dvc-kit:acr:ial2-aal2');
    assert.equal(acrFor({ ial: 3, aal: 2, vneidLevel: 2 }), 'urn:dvc-kit:acr:ial3-aal2-vneid2');
  });
});

describe('parseAcr', () => {
  test('reads an acr claim back into levels', () => {
    assert.deepEqual(parseAcr('urn:dvc-kit:acr:ial2-aal2'), { ial: 2, aal: 2 });
    assert.deepEqual(parseAcr('urn:dvc-kit:acr:ial3-aal2-vneid1'), { ial: 3, aal: 2, vneidLevel: 1 });
  });

  test('round-trips every assurance through acrFor', () => {
    fc.assert(fc.property(assurance, (value: Assurance) => assert.deepEqual(parseAcr(acrFor(value)), value)));
  });

  test('gives undefined for acr values that are not ours or name levels that do not exist', () => {
    for (const acr of ['', 'urn:mace:incommon:iap:silver', 'urn:dvc-kit:acr:ial4-aal2', 'urn:dvc-kit:acr:ial2-aal0', 'urn:dvc-kit:acr:ial2-aal2-vneid3', 'urn:dvc-kit:acr:ial2', 'urn:dvc-kit:acr:ial2-aal2 ', 'xurn:dvc-kit:acr:ial2-aal2']) {
      assert.equal(parseAcr(acr), undefined, acr);
    }
  });
});

describe('meets', () => {
  test('is true when each level is at least the one asked for', () => {
    assert.equal(meets({ ial: 2, aal: 2 }, { ial: 2 }), true);
    assert.equal(meets({ ial: 3, aal: 2 }, { ial: 2, aal: 2 }), true);
    assert.equal(meets({ ial: 3, aal: 2, vneidLevel: 2 }, { vneidLevel: 1 }), true);
  });

  test('is false when any level is below the one asked for', () => {
    assert.equal(meets({ ial: 2, aal: 2 }, { ial: 3 }), false);
    assert.equal(meets({ ial: 3, aal: 1 }, { ial: 2, aal: 2 }), false);
    assert.equal(meets({ ial: 3, aal: 2, vneidLevel: 1 }, { vneidLevel: 2 }), false);
  });

  test('treats a session without VNeID as below any VNeID requirement', () => {
    assert.equal(meets({ ial: 3, aal: 3 }, { vneidLevel: 1 }), false);
  });

  test('an empty requirement is met by every session', () => {
    fc.assert(fc.property(assurance, (session: Assurance) => assert.equal(meets(session, {}), true)));
  });

  test('a session always meets its own levels, and meets nothing one level higher on IAL', () => {
    fc.assert(
      fc.property(assurance, (session: Assurance) => {
        assert.equal(meets(session, session), true);
        if (session.ial < 3) assert.equal(meets(session, { ial: (session.ial + 1) as 2 | 3 }), false);
      }),
    );
  });
});

describe('METHOD_IAL', () => {
  test('registers mobile subscriber, social insurance and Vietnam Post accounts at IAL2', () => {
    assert.equal(METHOD_IAL.mobile, 2);
    assert.equal(METHOD_IAL.bhxh, 2);
    assert.equal(METHOD_IAL.vnpost, 2);
  });

  test('registers USB token, SIM signature and remote-signing accounts at IAL3', () => {
    assert.equal(METHOD_IAL.usb_token, 3);
    assert.equal(METHOD_IAL.sim_signature, 3);
    assert.equal(METHOD_IAL.remote_signing, 3);
  });
});

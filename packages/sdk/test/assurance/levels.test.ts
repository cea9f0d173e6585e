import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acrFor, parseAcr } from '../../src/assurance/acr.js';
import {
  AUTHENTICATOR_ASSURANCE_LEVELS,
  IDENTITY_ASSURANCE_LEVELS,
  meets,
  METHOD_IAL,
  unmetRequirement,
  VNEID_LEVELS,
  type Assurance,
} from '../../src/assurance/levels.js';

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

describe('meets with maxAge', () => {
  const signedIn = 1_700_000_000;
  const at = (seconds: number) => new Date((signedIn + seconds) * 1000);

  test('is met up to maxAge seconds after sign-in, by the clock passed in, and not a second later', () => {
    const session = { ial: 2, aal: 2, authTime: signedIn } as const;
    assert.equal(meets(session, { maxAge: 300 }, at(0)), true);
    assert.equal(meets(session, { maxAge: 300 }, at(300)), true);
    assert.equal(meets(session, { maxAge: 300 }, at(301)), false);
    assert.equal(meets(session, { maxAge: 0 }, at(0)), true, 'max_age=0: signed in this very second');
    assert.equal(meets(session, { maxAge: 0 }, at(1)), false);
  });

  test('a session without authTime never meets a maxAge', () => {
    assert.equal(meets({ ial: 3, aal: 3 }, { maxAge: 43_200 }, at(0)), false);
  });

  test('unmetRequirement names each part missed with the value asked for', () => {
    const session = { ial: 2, aal: 2, authTime: signedIn } as const;
    assert.deepEqual(unmetRequirement(session, { ial: 3, aal: 2, vneidLevel: 2, maxAge: 60 }, at(120)), { ial: 3, vneidLevel: 2, maxAge: 60 });
    assert.deepEqual(unmetRequirement(session, { ial: 2, aal: 1, maxAge: 60 }, at(30)), {});
  });

  test('meets is exactly "nothing unmet", for any session, requirement and time', () => {
    const requirement = fc.record(
      { ial: fc.constantFrom(1 as const, 2 as const, 3 as const), aal: fc.constantFrom(1 as const, 2 as const, 3 as const), vneidLevel: fc.constantFrom(1 as const, 2 as const), maxAge: fc.nat(1000) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(assurance, requirement, fc.integer({ min: -10, max: 2000 }), (session, asked, elapsed) => {
        const withTime = { ...session, authTime: signedIn };
        assert.equal(meets(withTime, asked, at(elapsed)), Object.keys(unmetRequirement(withTime, asked, at(elapsed))).length === 0);
      }),
    );
  });
});

describe('the order of the levels', () => {
  test('each kind is ordered lowest first, and the kinds are compared apart: a high IAL never makes up for a low AAL', () => {
    assert.deepEqual(IDENTITY_ASSURANCE_LEVELS, [1, 2, 3]);
    assert.deepEqual(AUTHENTICATOR_ASSURANCE_LEVELS, [1, 2, 3]);
    assert.deepEqual(VNEID_LEVELS, [1, 2]);
    assert.equal(meets({ ial: 3, aal: 1 }, { aal: 2 }), false);
    assert.equal(meets({ ial: 1, aal: 3 }, { ial: 2 }), false);
    assert.equal(meets({ ial: 3, aal: 3 }, { vneidLevel: 1 }), false, 'no VNeID sign-in is below VNeID level 1');
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

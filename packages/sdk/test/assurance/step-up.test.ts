import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readStepUpChallenge, stepUpChallenge } from '../../src/assurance/step-up.js';
import type { AssuranceRequirement } from '../../src/assurance/levels.js';

const requirement = fc
  .record(
    { ial: fc.constantFrom(1 as const, 2 as const, 3 as const), aal: fc.constantFrom(1 as const, 2 as const, 3 as const), vneidLevel: fc.constantFrom(1 as const, 2 as const), maxAge: fc.nat(86_400) },
    { requiredKeys: [] },
  )
  .map((asked): AssuranceRequirement => ({ ...asked }))
  .filter((asked) => Object.keys(asked).length > 0);

describe('stepUpChallenge', () => {
  test('writes an RFC 9470 Bearer challenge with acr_values and max_age', () => {
    assert.equal(
      stepUpChallenge({ ial: 3, aal: 2, maxAge: 300 }),
      'Bearer error="insufficient_user_authentication", error_description="A higher assurance level is required", acr_values="urn:dvc-kit:acr:ial3-aal2", max_age=300',
    );
    assert.equal(
      stepUpChallenge({ maxAge: 0 }),
      'Bearer error="insufficient_user_authentication", error_description="A more recent sign-in is required", max_age=0',
    );
  });

  test('quotes the description and realm, escaping quotes and backslashes', () => {
    const header = stepUpChallenge({ aal: 2 }, { realm: 'cổng'.normalize('NFD').replace(/[^\x20-\x7e]/g, '') + ' "A"', description: 'needs "AAL2" \\ now' });
    assert.equal(header, 'Bearer realm="cong \\"A\\"", error="insufficient_user_authentication", error_description="needs \\"AAL2\\" \\\\ now", acr_values="urn:dvc-kit:acr:aal2"');
    assert.deepEqual(readStepUpChallenge(header), { aal: 2 });
  });

  test('refuses what a header cannot carry', () => {
    assert.throws(() => stepUpChallenge({ ial: 3 }, { description: 'Cần xác minh mức 3' }), RangeError);
    assert.throws(() => stepUpChallenge({ ial: 3 }, { description: 'line\r\nSet-Cookie: x=1' }), RangeError);
    assert.throws(() => stepUpChallenge({ maxAge: 1.5 }), RangeError);
    assert.throws(() => stepUpChallenge({ maxAge: -1 }), RangeError);
  });
});

describe('readStepUpChallenge', () => {
  test('round-trips every requirement through the header and a 401 response', () => {
    fc.assert(
      fc.property(requirement, (asked: AssuranceRequirement) => {
        const header = stepUpChallenge(asked);
        assert.deepEqual(readStepUpChallenge(header), asked);
        assert.deepEqual(readStepUpChallenge(new Response(null, { status: 401, headers: { 'WWW-Authenticate': header } })), asked);
      }),
    );
  });

  test('finds the Bearer step-up among other challenges, whatever the case of scheme and names and the spacing', () => {
    assert.deepEqual(readStepUpChallenge('Basic realm="x", Bearer error="insufficient_user_authentication", max_age=5'), { maxAge: 5 });
    assert.deepEqual(readStepUpChallenge('Negotiate, NTLM, bearer ERROR = "insufficient_user_authentication" ,ACR_VALUES="urn:dvc-kit:acr:ial3"'), { ial: 3 });
    assert.equal(readStepUpChallenge('Bearer error="insufficient_user_authentication", acr_values=urn:dvc-kit:acr:ial3'), undefined, 'a colon is not a token character: the URN must be quoted');
    assert.deepEqual(readStepUpChallenge('Basic dXNlcjpwYXNz==, Bearer realm="a,b", error=insufficient_user_authentication, acr_values="x:unknown urn:dvc-kit:acr:ial2-aal2"'), { ial: 2, aal: 2 });
    assert.deepEqual(readStepUpChallenge('DPoP algs="ES256", Bearer error="insufficient_user_authentication", acr_values="urn:dvc-kit:acr:aal3"'), { aal: 3 });
  });

  test('takes the first acr value it knows: alternatives come most preferred first', () => {
    assert.deepEqual(readStepUpChallenge('Bearer error="insufficient_user_authentication", acr_values="urn:dvc-kit:acr:ial3-aal3 urn:dvc-kit:acr:ial3-aal2"'), { ial: 3, aal: 3 });
  });

  test('is undefined for anything but a readable step-up challenge', () => {
    const refused = [
      '',
      'Bearer',
      'Bearer error="invalid_token"',
      'Basic realm="insufficient_user_authentication"',
      'Bearer error="insufficient_user_authentication"',
      'Bearer error="insufficient_user_authentication", acr_values="urn:other:loa"',
      'Bearer error="insufficient_user_authentication", max_age=soon',
      'Bearer error="insufficient_user_authentication", max_age=-1',
      'Bearer error="insufficient_user_authentication", max_age="5"x',
      'Bearer error="insufficient_user_authentication", acr_values="urn:dvc-kit:acr:ial3',
      'Bearer error="insufficient_user_authentication" acr_values="urn:dvc-kit:acr:ial3"',
      'Bearer error="insufficient_user_authentication", error="invalid_token", max_age=5',
      'Bearer error="insufficient_user_authentication", max_age=5, =x',
      'Bearer error=, max_age=5',
      ', , Bearer error="insufficient_user_authentication" max_age=5',
      '"Bearer" error="insufficient_user_authentication", max_age=5',
      'Bearer error="insufficient_user_authentication", acr_values="urn:dvc-kit:acr:ial3\x00"',
    ];
    for (const header of refused) assert.equal(readStepUpChallenge(header), undefined, JSON.stringify(header));
    assert.equal(readStepUpChallenge(null), undefined);
    assert.equal(readStepUpChallenge(undefined), undefined);
    const challenge = stepUpChallenge({ ial: 3 });
    assert.equal(readStepUpChallenge(new Response(null, { status: 403, headers: { 'WWW-Authenticate': challenge } })), undefined, 'only a 401 challenges');
    assert.equal(readStepUpChallenge(new Response(null, { status: 401 })), undefined);
  });

  test('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[Bb]earer [a-z_=", \\]{0,60}$/)), (header) => {
        const read = readStepUpChallenge(header);
        assert.ok(read === undefined || typeof read === 'object');
      }),
    );
  });
});

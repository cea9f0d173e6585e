import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import type { DvcClient } from '../../src/index.js';
import { AccountChangeStartedSchema, AccountSchema } from '../../src/contract/index.js';
import { MOCK_PASSWORD, type MockAccount } from '../../src/mock/index.js';

const AN = '001090001234';
/** Ngô Văn Bình: registered with his CMND; the registers also know his CCCD. */
const BINH_CMND = '013456789';
const BINH_CCCD = '001075012345';

function world(accounts: MockAccount[] = [{ idNumber: AN, password: MOCK_PASSWORD }, { idNumber: BINH_CMND, password: MOCK_PASSWORD }]) {
  const mock = mockWorld({ accounts });
  const signIn = async (idNumber: string, on: DvcClient = mock.client) => {
    mock.advance(61_000);
    const { signInId } = await on.startSignIn({ idNumber, password: MOCK_PASSWORD });
    return on.verifySignInCode(signInId, { code: '123456' });
  };
  return { ...mock, signIn };
}


describe('mock CMND accounts and CCCD additions act out the service', () => {
  test('a CMND account signs in with it; once the CCCD is added both sign in to one sub, on every portal, and the account shows both masked', async () => {
    const { client, other, signIn, advance } = world();
    const { tokens, account } = await signIn(BINH_CMND);
    assert.deepEqual(account.idNumbersMasked, ['013***789']);
    const before = await client.getAccount(tokens.accessToken);
    assert.deepEqual([before.idNumberKind, before.canAddCccd], ['cmnd', true]);
    assert.equal((await failure(client.startSignIn({ idNumber: BINH_CCCD, password: MOCK_PASSWORD }))).code, 'invalid_credentials');
    advance(61_000);
    const started = await client.startCccdAddition(tokens.accessToken, { currentPassword: MOCK_PASSWORD, cccd: '001 075 012 345' });
    assert.ok(AccountChangeStartedSchema.safeParse(started).success);
    assert.equal(started.change, 'cccd');
    assert.equal(started.otp.maskedPhone, '097****456');
    const done = await client.verifyAccountChangeCode(tokens.accessToken, started.changeId, { code: '123456' }, { idempotencyKey: 'c-1' });
    assert.deepEqual(done, { changeId: started.changeId, next: 'done', otherSessionsEnded: 0 });
    const viewed = await client.getAccount(tokens.accessToken);
    assert.ok(AccountSchema.safeParse(viewed).success);
    assert.deepEqual(viewed.idNumbersMasked, ['013***789', '001******345']);
    assert.deepEqual([viewed.idNumberKind, viewed.canAddCccd], ['cmnd', false], 'a CCCD is added once');
    const byCccd = await signIn(BINH_CCCD, other);
    assert.equal(byCccd.account.sub, account.sub);
    assert.equal((await signIn(BINH_CMND)).account.sub, account.sub);
  });

  test('refusals: already has a CCCD, a CCCD the register does not know as the holder’s, another birth year, a CMND typed, a CCCD of another account, no token', async () => {
    const { client, signIn } = world([{ idNumber: AN, password: MOCK_PASSWORD }, { idNumber: BINH_CMND, password: MOCK_PASSWORD }, { idNumber: '031182004567', password: MOCK_PASSWORD }]);
    const an = (await signIn(AN)).tokens;
    assert.equal((await failure(client.startCccdAddition(an.accessToken, { currentPassword: MOCK_PASSWORD, cccd: '001090001235' }))).code, 'cccd_already_added');
    const binh = (await signIn(BINH_CMND)).tokens;
    const add = (cccd: string, currentPassword = MOCK_PASSWORD) => client.startCccdAddition(binh.accessToken, { currentPassword, cccd });
    assert.equal((await failure(add('001075012346'))).code, 'carrier_mismatch');
    const year = await failure(add('001076012345'));
    assert.deepEqual(year.fieldErrors.map((e) => [e.field, e.code]), [['cccd', 'id_number_birth_year']]);
    const cmnd = await failure(add(BINH_CMND));
    assert.deepEqual(cmnd.fieldErrors.map((e) => [e.field, e.code]), [['cccd', 'id_number_cccd']]);
    assert.equal((await failure(add(BINH_CCCD, 'Sai-Mật-Khẩu-1'))).code, 'invalid_credentials');
    assert.equal((await failure(client.startCccdAddition('not-a-token', { currentPassword: MOCK_PASSWORD, cccd: BINH_CCCD }))).code, 'unauthorized');

    // Hạnh's CCCD already has an account of its own: told after the code.
    const hanh = world([{ idNumber: '025678901', password: MOCK_PASSWORD }, { idNumber: '031182004567', password: MOCK_PASSWORD }]);
    const tokens = (await hanh.signIn('025678901')).tokens;
    hanh.advance(61_000);
    const started = await hanh.client.startCccdAddition(tokens.accessToken, { currentPassword: MOCK_PASSWORD, cccd: '031182004567' });
    const inUse = await failure(hanh.client.verifyAccountChangeCode(tokens.accessToken, started.changeId, { code: '123456' }));
    assert.equal(inUse.code, 'cccd_in_use');
    assert.equal(inUse.status, 409);
  });

  test('a social-insurance account is matched by the social-insurance register: `bhxh_mismatch`', async () => {
    const { client, scenario, signIn } = world([{ idNumber: '025678901', password: MOCK_PASSWORD }]);
    const record = scenario.accounts.get('025678901')!;
    scenario.accounts.set('025678901', { ...record, account: { ...record.account, verificationMethod: 'bhxh' } });
    const { tokens } = await signIn('025678901');
    assert.equal((await failure(client.startCccdAddition(tokens.accessToken, { currentPassword: MOCK_PASSWORD, cccd: '031182004568' }))).code, 'bhxh_mismatch');
  });

  test('wrong passwords alternating the CMND and the added CCCD share the account’s one slow-down', async () => {
    const { client, signIn, advance } = world();
    const { tokens } = await signIn(BINH_CMND);
    advance(61_000);
    const started = await client.startCccdAddition(tokens.accessToken, { currentPassword: MOCK_PASSWORD, cccd: BINH_CCCD });
    await client.verifyAccountChangeCode(tokens.accessToken, started.changeId, { code: '123456' });
    for (const idNumber of [BINH_CMND, BINH_CCCD, BINH_CMND, BINH_CCCD, BINH_CMND]) {
      assert.equal((await failure(client.startSignIn({ idNumber, password: 'Sai-Mật-Khẩu-1' }))).code, 'invalid_credentials');
    }
    const slowed = await failure(client.startSignIn({ idNumber: BINH_CCCD, password: MOCK_PASSWORD }));
    assert.equal(slowed.code, 'too_many_attempts');
    assert.equal(slowed.retryAfter, 60);
  });
});

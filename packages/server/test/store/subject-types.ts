import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createStore, migrate, MIGRATIONS, type AccountRecord, type Database, type Store } from '../../src/index.js';
import { countRows, POSTGRES_MISSING, type TestDatabase } from '../support/database.js';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const BEFORE_SUBJECT_TYPES = 16;

const base = {
  email: null,
  ial: 3 as const,
  verificationMethod: 'usb_token' as const,
  bhxhCode: null,
  idNumberAliases: [],
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  consentVersion: '2025-01',
  consentAt: T0,
  createdAt: T0,
};

function citizen(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { ...base, sub: randomUUID(), idNumber: '079095004321', fullName: 'Trần Thị Bình', birthDate: '1995-02-03', phone: '+84971234398', subjectType: 'citizen', taxCode: null, organisationName: null, ...overrides };
}

function enterprise(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { ...base, sub: randomUUID(), idNumber: null, fullName: 'Công ty TNHH Ví Dụ', birthDate: null, phone: '+84912345678', subjectType: 'enterprise', taxCode: '0101234567', organisationName: 'Công ty TNHH Ví Dụ', ...overrides };
}

function officer(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { ...base, sub: randomUUID(), idNumber: '079095004321', fullName: 'Trần Thị Bình', birthDate: null, phone: '+84971234398', subjectType: 'agency', taxCode: null, organisationName: 'UBND tỉnh Bắc Ninh', ...overrides };
}

/**
 * The store contract for enterprise and agency-officer accounts (migration 17), run against PGlite and
 * PostgreSQL: one account per tax code, officers' ID numbers unique among agency accounts only, the
 * fields each subject type must (not) have, and a citizen stored before the migration read unchanged after it.
 *
 * @param open - opens the file's database; `undefined` when that database is not available.
 * @param openUnmigrated - an empty database of the same kind, for the migration test.
 */
export function subjectTypeContract(name: string, open: (() => Promise<TestDatabase>) | undefined, openUnmigrated?: () => Promise<{ db: Database; close(): Promise<void> }>): () => void {
  if (!open) {
    return () => {
      test(`subject-type store contract on ${name}`, (t) => {
        if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
        t.skip(POSTGRES_MISSING);
      });
    };
  }
  return () => {
    let database: TestDatabase;
    let store: Store;
    before(async () => {
      database = await open();
    });
    after(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await database.reset();
      store = createStore(database.db);
    });

    test('an enterprise is found by its tax code and by sub, with its organisation and no ID number or birth date', async () => {
      const record = enterprise();
      assert.equal(await store.accounts.create(record), true);
      assert.deepEqual(await store.accounts.findByHolder('enterprise', '0101234567'), record);
      assert.deepEqual(await store.accounts.findBySub(record.sub), record);
      assert.equal(await store.accounts.findByHolder('citizen', '0101234567'), undefined);
      assert.equal(await store.accounts.findByHolder('enterprise', '0109999999'), undefined);
    });

    test('one account per tax code, even when created in parallel', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.accounts.create(enterprise({ phone: `+8491234567${i}` }))));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await countRows(database.db, `SELECT count(*)::int AS count FROM accounts WHERE tax_code = '0101234567'`), 1);
      assert.equal(await store.accounts.create(enterprise({ taxCode: '0101234567-001', organisationName: 'Chi nhánh Hà Nội' })), true, 'a branch has its own code');
    });

    test('an officer’s work account and the same person’s citizen account stand apart; one officer account per ID number, in parallel too', async () => {
      const person = citizen();
      assert.equal(await store.accounts.create(person), true);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.accounts.create(officer())));
      assert.equal(results.filter(Boolean).length, 1);
      const work = await store.accounts.findByHolder('agency', '079095004321');
      assert.equal(work?.subjectType, 'agency');
      assert.equal(work?.organisationName, 'UBND tỉnh Bắc Ninh');
      assert.notEqual(work?.sub, person.sub);
      assert.equal((await store.accounts.findByIdNumber('079095004321'))?.sub, person.sub, 'a password sign-in’s ID number finds the citizen');
      assert.equal(await countRows(database.db, `SELECT count(*)::int AS count FROM account_id_numbers WHERE id_number = '079095004321'`), 1);
    });

    test('each subject type has the fields it must, and none of another’s', async () => {
      await assert.rejects(store.accounts.create(enterprise({ taxCode: null })), 'an enterprise without a tax code');
      await assert.rejects(store.accounts.create(enterprise({ organisationName: null })), 'an enterprise without a name');
      await assert.rejects(store.accounts.create(enterprise({ idNumber: '001090001234' })), 'an enterprise with a personal ID number');
      await assert.rejects(store.accounts.create(enterprise({ taxCode: '01012345' })), 'a malformed tax code');
      await assert.rejects(store.accounts.create(officer({ idNumber: null })), 'an officer without an ID number');
      await assert.rejects(store.accounts.create(officer({ organisationName: null })), 'an officer without an agency');
      await assert.rejects(store.accounts.create(officer({ idNumber: 'MST0101234' })), 'an officer with a malformed number');
      await assert.rejects(store.accounts.create(citizen({ birthDate: null })), 'a citizen without a birth date');
      assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM accounts'), 0);
    });

    test('the organisation follows the newest certificate: an enterprise’s name with it, an officer’s agency; a citizen has none', async () => {
      const company = enterprise();
      const work = officer();
      const person = citizen({ idNumber: '001090001234' });
      for (const record of [company, work, person]) assert.equal(await store.accounts.create(record), true);
      assert.equal(await store.accounts.replaceOrganisationName(company.sub, 'Công ty Cổ phần Ví Dụ'), true);
      assert.equal(await store.accounts.replaceOrganisationName(work.sub, 'Sở Tư pháp tỉnh Bắc Ninh'), true);
      assert.equal(await store.accounts.replaceOrganisationName(person.sub, 'Công ty khác'), false);
      const renamed = await store.accounts.findBySub(company.sub);
      assert.deepEqual([renamed?.organisationName, renamed?.fullName], ['Công ty Cổ phần Ví Dụ', 'Công ty Cổ phần Ví Dụ']);
      const moved = await store.accounts.findBySub(work.sub);
      assert.deepEqual([moved?.organisationName, moved?.fullName], ['Sở Tư pháp tỉnh Bắc Ninh', 'Trần Thị Bình']);
      assert.equal((await store.accounts.findBySub(person.sub))?.organisationName, null);
    });

    test('a CCCD is added only to a citizen’s CMND account, never to an officer’s', async () => {
      const work = officer({ idNumber: '013456789' });
      assert.equal(await store.accounts.create(work), true);
      assert.equal(await store.accounts.addCccd(work.sub, '001075012345', T0), 'has_cccd');
      assert.equal(await store.accounts.findByIdNumber('001075012345'), undefined);
    });

    if (openUnmigrated) {
      test('a citizen stored before migration 17 reads the same after it', async () => {
        const fresh = await openUnmigrated();
        try {
          await migrate(fresh.db, MIGRATIONS.filter((migration) => migration.version <= BEFORE_SUBJECT_TYPES));
          const person = citizen({ verificationMethod: 'mobile', ial: 2 });
          assert.equal(await createStore(fresh.db).accounts.create(person), true);
          assert.deepEqual(await migrate(fresh.db), MIGRATIONS.filter((migration) => migration.version > BEFORE_SUBJECT_TYPES).map((migration) => migration.version));
          const after = createStore(fresh.db);
          assert.deepEqual(await after.accounts.findByIdNumber('079095004321'), person);
          assert.equal(await after.accounts.create(citizen()), false, 'its number is still taken');
          assert.equal(await after.accounts.create(officer()), true, 'by citizens only');
        } finally {
          await fresh.close();
        }
      });
    }
  };
}

import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import { openPostgres } from '../../src/index.js';
import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { subjectTypeContract } from './subject-types.js';

const url = POSTGRES_URL;
describe('subject-type store contract on PostgreSQL', subjectTypeContract('PostgreSQL', url ? () => openTestPostgres(url) : undefined, url ? async () => {
  const schema = `dvc_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema });
  return {
    db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
} : undefined));

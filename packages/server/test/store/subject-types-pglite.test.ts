import { describe } from 'node:test';
import { openPglite } from '../../src/index.js';
import { openTestPglite } from '../support/database.js';
import { subjectTypeContract } from './subject-types.js';

describe('subject-type store contract on PGlite', subjectTypeContract('PGlite', openTestPglite, async () => {
  const db = await openPglite();
  return { db, close: () => db.close() };
}));

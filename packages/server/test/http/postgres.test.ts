import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { describe } from 'node:test';
import { httpSuite } from './run.js';

const url = POSTGRES_URL;
describe('HTTP API on PostgreSQL', httpSuite('PostgreSQL', url ? () => openTestPostgres(url) : undefined));

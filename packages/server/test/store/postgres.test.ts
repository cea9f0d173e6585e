import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { describe } from 'node:test';
import { storeContract } from './contract.js';

const url = POSTGRES_URL;
describe('store contract on PostgreSQL', storeContract('PostgreSQL', url ? () => openTestPostgres(url) : undefined));

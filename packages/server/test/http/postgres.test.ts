import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { runHttpSuite } from './run.js';

runHttpSuite('PostgreSQL', POSTGRES_URL ? () => openTestPostgres(POSTGRES_URL) : undefined);

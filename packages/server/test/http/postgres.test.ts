import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { runHttpSuite } from './run.js';

const url = POSTGRES_URL;
runHttpSuite('PostgreSQL', url ? () => openTestPostgres(url) : undefined);

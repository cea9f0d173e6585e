import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { storeContract } from './contract.js';

storeContract('PostgreSQL', POSTGRES_URL ? () => openTestPostgres(POSTGRES_URL) : undefined);

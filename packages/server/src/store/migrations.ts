import type { Sql } from './sql.js';

/** One step of the schema, applied once, in order, inside a transaction. */
export interface Migration {
  /** Order of application; recorded in `schema_migrations`. */
  readonly version: number;
  /** What the migration adds, for people reading `schema_migrations`. */
  readonly name: string;
  /** SQL statements, run one by one in one transaction. */
  readonly statements: readonly string[];
}

/**
 * The SQL schema of the account store, as numbered migrations. The same statements run on PGlite
 * and PostgreSQL. Never edit a released migration; add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, flows, codes, limits, sessions, keys',
    statements: [
      `CREATE TABLE server_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL,
        private_jwk text NOT NULL,
        public_jwk text NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`,
      `CREATE TABLE accounts (
        sub uuid PRIMARY KEY,
        id_number text NOT NULL,
        full_name text NOT NULL,
        birth_date date NOT NULL,
        phone text NOT NULL,
        email text,
        subject_type text NOT NULL CHECK (subject_type IN ('citizen', 'enterprise', 'agency')),
        ial smallint NOT NULL CHECK (ial BETWEEN 1 AND 3),
        verification_method text NOT NULL,
        password_hash text NOT NULL,
        consent_version text NOT NULL,
        consent_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT accounts_id_number_key UNIQUE (id_number)
      )`,
      `CREATE TABLE flows (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('registration', 'sign_in')),
        client_id text NOT NULL,
        state text NOT NULL,
        id_number text NOT NULL,
        phone text NOT NULL,
        details jsonb,
        account_sub uuid REFERENCES accounts (sub) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX flows_expires_at ON flows (expires_at)`,
      `CREATE TABLE otp_challenges (
        id text PRIMARY KEY,
        flow_id text NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
        purpose text NOT NULL,
        phone text NOT NULL,
        code_hmac text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'used', 'superseded', 'failed')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        resend_at timestamptz NOT NULL,
        CHECK (attempts <= max_attempts)
      )`,
      `CREATE UNIQUE INDEX otp_challenges_one_active ON otp_challenges (flow_id) WHERE status = 'active'`,
      `CREATE TABLE sign_in_throttle (
        id_key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        hour_started_at timestamptz NOT NULL,
        hour_failures integer NOT NULL
      )`,
      `CREATE TABLE rate_limit_keys (
        key text PRIMARY KEY
      )`,
      `CREATE TABLE rate_limit_events (
        id bigserial PRIMARY KEY,
        key text NOT NULL REFERENCES rate_limit_keys (key) ON DELETE CASCADE,
        at timestamptz NOT NULL
      )`,
      `CREATE INDEX rate_limit_events_key_at ON rate_limit_events (key, at)`,
      `CREATE TABLE idempotency_keys (
        client_id text NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        body text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, route, key)
      )`,
      `CREATE TABLE human_checks_used (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`,
      `CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        client_id text NOT NULL,
        auth_time timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        idle_expires_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`,
      `CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('active', 'rotated', 'revoked')),
        created_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`,
      `CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)`,
      `CREATE TABLE sms_outbox (
        id bigserial PRIMARY KEY,
        to_phone text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX sms_outbox_to_phone ON sms_outbox (to_phone, id)`,
    ],
  },
  {
    version: 2,
    name: 'rate-limit keys can be swept without taking their events along',
    statements: [
      // The key row is only a lock anchor; a sweep may remove an idle one while a sender re-creates it.
      `ALTER TABLE rate_limit_events DROP CONSTRAINT IF EXISTS rate_limit_events_key_fkey`,
    ],
  },
  {
    version: 3,
    name: 'limit events say how long they count (windows up to a day)',
    statements: [
      // Events made before knew only windows of up to an hour.
      `ALTER TABLE rate_limit_events ADD COLUMN keep_until timestamptz`,
      `UPDATE rate_limit_events SET keep_until = at + interval '1 hour'`,
      `ALTER TABLE rate_limit_events ALTER COLUMN keep_until SET NOT NULL`,
      `CREATE INDEX rate_limit_events_keep_until ON rate_limit_events (keep_until)`,
    ],
  },
  {
    version: 4,
    name: 'idempotency leases; indexes for cascades and batched housekeeping',
    statements: [
      // A reservation whose request died is taken over once its lease ends (NULL: reserved before leases).
      `ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz`,
      `ALTER TABLE idempotency_keys ADD COLUMN lease_token text`,
      // Foreign keys whose parent deletes cascade: without these each parent row scans the child table.
      `CREATE INDEX IF NOT EXISTS otp_challenges_flow ON otp_challenges (flow_id)`,
      `CREATE INDEX IF NOT EXISTS flows_account_sub ON flows (account_sub)`,
      `CREATE INDEX IF NOT EXISTS sessions_account_sub ON sessions (account_sub)`,
      // What the sweep selects its batches by.
      `CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at)`,
      `CREATE INDEX IF NOT EXISTS sessions_absolute_expires_at ON sessions (absolute_expires_at)`,
      `CREATE INDEX IF NOT EXISTS human_checks_used_expires_at ON human_checks_used (expires_at)`,
      `CREATE INDEX IF NOT EXISTS sign_in_throttle_last_failure_at ON sign_in_throttle (last_failure_at)`,
      `CREATE INDEX IF NOT EXISTS sms_outbox_created_at ON sms_outbox (created_at)`,
    ],
  },
  {
    version: 5,
    name: 'a limit take is one statement (dvc_take_limits)',
    statements: [
      // What the send-limit repository's take did in five round trips (BEGIN, lock, read, insert,
      // COMMIT), in one. VOLATILE: under READ COMMITTED each statement inside takes a fresh snapshot, so
      // the reads after the row locks see every event a parallel taker committed before it let go.
      // Buckets come sorted by key; p_keys are their distinct keys with each key's longest window; each
      // limit is (key, max, window). Returns how long to wait (ms, 0 when allowed) and the events made.
      `CREATE OR REPLACE FUNCTION dvc_take_limits(
        p_keys text[], p_longest integer[], p_bucket_keys text[], p_keep integer[],
        p_limit_keys text[], p_limit_max integer[], p_limit_windows integer[], p_now timestamptz,
        OUT retry_after_ms bigint, OUT ids text[]
      ) LANGUAGE plpgsql VOLATILE AS $body$
      DECLARE
        i integer;
        oldest timestamptz;
      BEGIN
        INSERT INTO rate_limit_keys (key) SELECT unnest(p_keys) ORDER BY 1 ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key;
        DELETE FROM rate_limit_events e USING unnest(p_keys, p_longest) AS b (key, seconds)
          WHERE e.key = b.key AND e.at <= p_now - b.seconds * interval '1 second';
        retry_after_ms := 0;
        FOR i IN 1 .. coalesce(array_length(p_limit_keys, 1), 0) LOOP
          -- The oldest of the last max events leaves the window first.
          SELECT e.at INTO oldest FROM rate_limit_events e
            WHERE e.key = p_limit_keys[i] AND e.at > p_now - p_limit_windows[i] * interval '1 second'
            ORDER BY e.at DESC OFFSET greatest(p_limit_max[i] - 1, 0) LIMIT 1;
          IF FOUND THEN
            retry_after_ms := greatest(retry_after_ms, round(extract(epoch FROM oldest + p_limit_windows[i] * interval '1 second' - p_now) * 1000)::bigint);
          END IF;
        END LOOP;
        IF retry_after_ms > 0 THEN
          RETURN;
        END IF;
        WITH made AS (
          INSERT INTO rate_limit_events (key, at, keep_until)
          SELECT b.key, p_now, p_now + b.seconds * interval '1 second' FROM unnest(p_bucket_keys, p_keep) AS b (key, seconds)
          RETURNING id
        )
        SELECT array_agg(id::text ORDER BY id) INTO ids FROM made;
      END
      $body$`,
    ],
  },
  {
    version: 6,
    name: 'password recovery flows; password history (argon2id hashes only)',
    statements: [
      `ALTER TABLE flows DROP CONSTRAINT IF EXISTS flows_kind_check`,
      `ALTER TABLE flows ADD CONSTRAINT flows_kind_check CHECK (kind IN ('registration', 'sign_in', 'recovery'))`,
      `CREATE TABLE password_history (
        id bigserial PRIMARY KEY,
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        password_hash text NOT NULL,
        replaced_at timestamptz NOT NULL
      )`,
      `CREATE INDEX password_history_account ON password_history (account_sub, replaced_at DESC)`,
    ],
  },
  {
    version: 7,
    name: 'social-insurance (BHXH) code of accounts registered by social insurance',
    statements: [
      // Nullable: accounts registered another way have none. Kept for recovery by a fresh match.
      `ALTER TABLE accounts ADD COLUMN bhxh_code text CONSTRAINT accounts_bhxh_code_format CHECK (bhxh_code ~ '^[0-9]{10}$')`,
    ],
  },
  {
    version: 8,
    name: 'account changes (password, email, phone) as flows of their own',
    statements: [
      `ALTER TABLE flows DROP CONSTRAINT IF EXISTS flows_kind_check`,
      `ALTER TABLE flows ADD CONSTRAINT flows_kind_check CHECK (kind IN ('registration', 'sign_in', 'recovery', 'account_change'))`,
      // What a change carries from its first step to its last: which change, the session that asked, the new email.
      `ALTER TABLE flows ADD COLUMN change_details jsonb`,
    ],
  },
  {
    version: 9,
    name: 'ID numbers an account signs in with: the one it registered with and a CCCD added to a CMND account',
    statements: [
      // Every ID number an account signs in with, its registered one included, so that one primary key
      // keeps each number to one account across registered numbers and added CCCDs alike.
      `CREATE TABLE account_id_numbers (
        id_number text PRIMARY KEY CONSTRAINT account_id_numbers_format CHECK (id_number ~ '^[0-9]{9}([0-9]{3})?$'),
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        added_as text NOT NULL CHECK (added_as IN ('registered', 'cccd')),
        added_at timestamptz NOT NULL
      )`,
      `CREATE INDEX account_id_numbers_account ON account_id_numbers (account_sub)`,
      // A CMND account gets at most one CCCD.
      `CREATE UNIQUE INDEX account_id_numbers_one_cccd ON account_id_numbers (account_sub) WHERE added_as = 'cccd'`,
      `INSERT INTO account_id_numbers (id_number, account_sub, added_as, added_at) SELECT id_number, sub, 'registered', created_at FROM accounts`,
    ],
  },
  {
    version: 10,
    name: 'lost-phone recovery flows and the operator audit log',
    statements: [
      `ALTER TABLE flows DROP CONSTRAINT IF EXISTS flows_kind_check`,
      `ALTER TABLE flows ADD CONSTRAINT flows_kind_check CHECK (kind IN ('registration', 'sign_in', 'recovery', 'account_change', 'phone_recovery'))`,
      // Who did what to which account, on what evidence, when and from where. No phone or ID number in
      // the clear: the phones as keyed hashes. Rows outlive the account (no foreign key) and are never swept.
      `CREATE TABLE operator_audit (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL CHECK (action IN ('phone_replaced')),
        account_sub uuid NOT NULL,
        operator_id text NOT NULL,
        officer_id text NOT NULL,
        officer_name text NOT NULL,
        document_type text NOT NULL CHECK (document_type IN ('cccd_chip', 'cccd', 'cmnd', 'passport')),
        note text,
        old_phone_hash text NOT NULL,
        new_phone_hash text NOT NULL,
        address text NOT NULL
      )`,
      `CREATE INDEX operator_audit_account ON operator_audit (account_sub, at DESC)`,
    ],
  },
  {
    version: 11,
    name: 'lost-phone recoveries with the consent the citizen gave',
    statements: [
      // Each lost phone recovered by the citizen: which consent text they agreed to and when, for which
      // account, through which portal. No phone or ID number: the account holds those. Kept while the
      // account is, never swept.
      `CREATE TABLE phone_recoveries (
        id text PRIMARY KEY,
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        client_id text NOT NULL,
        consent_version text NOT NULL,
        consent_at timestamptz NOT NULL,
        completed_at timestamptz NOT NULL
      )`,
      `CREATE INDEX phone_recoveries_account ON phone_recoveries (account_sub, completed_at DESC)`,
    ],
  },
  {
    version: 12,
    name: 'how each session was authenticated: sign-in method, AAL, amr (RFC 8176), VNeID level',
    statements: [
      // Sessions opened before this were all password + SMS code sign-ins; the defaults say so, then go,
      // so that every new session states its own.
      `ALTER TABLE sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password_sms'
        CONSTRAINT sessions_sign_in_method CHECK (sign_in_method IN ('password', 'password_sms', 'passkey', 'usb_token', 'sim_signature', 'remote_signing', 'vneid'))`,
      `ALTER TABLE sessions ADD COLUMN aal smallint NOT NULL DEFAULT 2 CONSTRAINT sessions_aal CHECK (aal BETWEEN 1 AND 3)`,
      `ALTER TABLE sessions ADD COLUMN amr text[] NOT NULL DEFAULT ARRAY['pwd', 'otp', 'sms', 'mfa']`,
      `ALTER TABLE sessions ADD COLUMN vneid_level smallint CONSTRAINT sessions_vneid_level CHECK (vneid_level BETWEEN 1 AND 2)`,
      `ALTER TABLE sessions ALTER COLUMN sign_in_method DROP DEFAULT`,
      `ALTER TABLE sessions ALTER COLUMN aal DROP DEFAULT`,
      `ALTER TABLE sessions ALTER COLUMN amr DROP DEFAULT`,
    ],
  },
  {
    version: 13,
    name: 'signature challenges: a nonce for a certificate to sign, bound to its operation and portal, used once',
    statements: [
      // used_at is set by one conditional UPDATE, so of parallel verifications exactly one uses a challenge up.
      `CREATE TABLE signature_challenges (
        id text PRIMARY KEY,
        nonce text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('register', 'sign_in', 'upgrade')),
        subject_type text NOT NULL CHECK (subject_type IN ('citizen', 'enterprise', 'agency')),
        client_id text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      )`,
      `CREATE INDEX signature_challenges_expires_at ON signature_challenges (expires_at)`,
    ],
  },
  {
    version: 14,
    name: 'passkeys (WebAuthn credentials) of accounts and their single-use challenges',
    statements: [
      // The public key and counter only: a passkey holds no secret the service keeps.
      `CREATE TABLE passkeys (
        id text PRIMARY KEY CONSTRAINT passkeys_id_format CHECK (id ~ '^[A-Za-z0-9_-]+$' AND char_length(id) <= 1364),
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        public_key text NOT NULL,
        counter bigint NOT NULL CHECK (counter >= 0),
        transports jsonb NOT NULL DEFAULT '[]',
        device_type text NOT NULL CHECK (device_type IN ('single_device', 'multi_device')),
        backed_up boolean NOT NULL,
        name text CHECK (char_length(name) BETWEEN 1 AND 64),
        created_at timestamptz NOT NULL,
        last_used_at timestamptz
      )`,
      `CREATE INDEX passkeys_account ON passkeys (account_sub, created_at)`,
      // A challenge to add a passkey (bound to the session that asked) or to sign in with one (bound to
      // its sign-in flow, and gone with it). Spent by one UPDATE … RETURNING; swept once expired.
      `CREATE TABLE passkey_challenges (
        id text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('register', 'sign_in')),
        challenge text NOT NULL,
        client_id text NOT NULL,
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        session_id text,
        flow_id text REFERENCES flows (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK ((purpose = 'register') = (session_id IS NOT NULL)),
        CHECK ((purpose = 'sign_in') = (flow_id IS NOT NULL))
      )`,
      `CREATE INDEX passkey_challenges_challenge ON passkey_challenges (challenge)`,
      `CREATE INDEX passkey_challenges_flow ON passkey_challenges (flow_id)`,
      `CREATE INDEX passkey_challenges_account ON passkey_challenges (account_sub)`,
      `CREATE INDEX passkey_challenges_expires_at ON passkey_challenges (expires_at)`,
    ],
  },
  {
    version: 15,
    name: 'assurance history of accounts: registrations and upgrades by signature, with the certificate that proved them',
    statements: [
      // How an account's identity level came to be what it is: a registration at IAL3, or an upgrade
      // from a lower level, by which method, through which portal, on which certificate (serial and
      // issuer, never the holder's number). Kept while the account is, never swept.
      `CREATE TABLE account_assurance_history (
        id uuid PRIMARY KEY,
        account_sub uuid NOT NULL REFERENCES accounts (sub) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        event text NOT NULL CHECK (event IN ('registered', 'upgraded')),
        from_ial smallint CHECK (from_ial BETWEEN 1 AND 3),
        from_method text,
        to_ial smallint NOT NULL CHECK (to_ial BETWEEN 1 AND 3),
        to_method text NOT NULL,
        client_id text NOT NULL,
        certificate_serial text,
        certificate_issuer text,
        challenge_id text,
        CHECK ((event = 'upgraded') = (from_ial IS NOT NULL AND from_method IS NOT NULL)),
        CHECK (from_ial IS NULL OR from_ial < to_ial)
      )`,
      `CREATE INDEX account_assurance_history_account ON account_assurance_history (account_sub, at DESC)`,
    ],
  },
  {
    version: 16,
    name: 'signing requests: a SIM-signature or remote-signing provider asked to sign a challenge, one per challenge, settled once',
    statements: [
      // state leaves 'pending' by one conditional UPDATE, so parallel polls and a cancel agree on one outcome.
      // The holder is kept only as a keyed hash.
      `CREATE TABLE signing_requests (
        id text PRIMARY KEY,
        challenge_id text NOT NULL UNIQUE REFERENCES signature_challenges (id) ON DELETE CASCADE,
        client_id text NOT NULL,
        method text NOT NULL CHECK (method IN ('sim_signature', 'remote_signing')),
        holder_kind text NOT NULL CHECK (holder_kind IN ('phone', 'id_number', 'account')),
        holder_key text NOT NULL,
        provider_ref text,
        state text NOT NULL CHECK (state IN ('pending', 'signed', 'refused', 'timed_out', 'cancelled', 'failed')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        checked_at timestamptz,
        settled_at timestamptz,
        result jsonb,
        details jsonb,
        failure text,
        CHECK (expires_at > created_at),
        CHECK ((state = 'pending') = (settled_at IS NULL)),
        CHECK ((state = 'signed') = (result IS NOT NULL))
      )`,
      `CREATE INDEX signing_requests_expires_at ON signing_requests (expires_at)`,
    ],
  },
  {
    version: 17,
    name: 'enterprise and agency-officer accounts: a tax code or a work identity, no personal ID number or birth date where none applies',
    statements: [
      // A citizen keeps its ID number and birth date (and its numbers in account_id_numbers, which stays the
      // citizens' sign-in names); an enterprise is its tax code (MST) and organisation, with neither; an agency
      // officer is an ID number within the agency subject type, with the agency, and no birth date.
      `ALTER TABLE accounts ALTER COLUMN id_number DROP NOT NULL`,
      `ALTER TABLE accounts ALTER COLUMN birth_date DROP NOT NULL`,
      `ALTER TABLE accounts ADD COLUMN tax_code text CONSTRAINT accounts_tax_code_format CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$')`,
      `ALTER TABLE accounts ADD COLUMN organisation_name text CONSTRAINT accounts_organisation_name_length CHECK (length(organisation_name) BETWEEN 1 AND 255)`,
      // ID numbers are unique per subject type: an officer's work account beside the same person's citizen account.
      `ALTER TABLE accounts DROP CONSTRAINT accounts_id_number_key`,
      `CREATE UNIQUE INDEX accounts_subject_id_number ON accounts (subject_type, id_number) WHERE id_number IS NOT NULL`,
      // One account per tax code.
      `CREATE UNIQUE INDEX accounts_tax_code ON accounts (tax_code) WHERE tax_code IS NOT NULL`,
      `ALTER TABLE accounts ADD CONSTRAINT accounts_subject_type_fields CHECK (
        (subject_type = 'citizen' AND id_number IS NOT NULL AND birth_date IS NOT NULL AND tax_code IS NULL)
        OR (subject_type = 'enterprise' AND id_number IS NULL AND birth_date IS NULL AND tax_code IS NOT NULL AND organisation_name IS NOT NULL)
        OR (subject_type = 'agency' AND id_number IS NOT NULL AND birth_date IS NULL AND tax_code IS NULL AND organisation_name IS NOT NULL)
      )`,
      `ALTER TABLE accounts ADD CONSTRAINT accounts_agency_id_number_format CHECK (subject_type <> 'agency' OR id_number ~ '^[0-9]{9}([0-9]{3})?$')`,
    ],
  },
];

const MIGRATION_LOCK = 7_130_524_001;

/**
 * Brings a database up to the newest schema: each missing migration in its own transaction, recorded
 * in `schema_migrations`. Safe when several instances start at once (an advisory lock serialises them).
 *
 * @returns the versions applied now (empty when the schema was already current).
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

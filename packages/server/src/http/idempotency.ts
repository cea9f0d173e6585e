import type { Context } from 'hono';
import { KeyEncryption } from '../at-rest/envelope.js';
import type { Clock } from '../config.js';
import { keyedHash } from '../server-keys.js';
import type { IdempotencyScope, StoredAnswer } from '../store/idempotency.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** A JSON answer a route produced. */
export interface JsonResult {
  readonly status: 200 | 201;
  readonly body: unknown;
}

/** How long an `Idempotency-Key` answer is kept. */
export const IDEMPOTENCY_KEEP_SECONDS = 24 * 3600;

/** What {@link idempotent} needs. */
export interface IdempotencyDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Key of the keyed hash that fingerprints a request body. */
  readonly hashKey: string;
  /** Seconds a request holds its key before a retry may take it over (`config.idempotency.leaseSeconds`). */
  readonly leaseSeconds: number;
  /**
   * Seals every stored answer at rest under the key-encryption key, bound to its key's scope: answers
   * carry tokens (a sign-in's refresh token) and personal data, which a copy of the database must not give.
   */
  readonly encryption: KeyEncryption;
}

/** Options of {@link idempotent} for one route. */
export interface IdempotentOptions {
  /**
   * Checked before a stored answer is replayed, with the answer's body: throws (a {@link ProblemError})
   * to refuse the replay when the answer no longer holds, e.g. a sign-in whose refresh token was used
   * or whose session ended — replaying a dead refresh token would only make the caller end its session.
   */
  readonly beforeReplay?: (body: unknown) => Promise<void>;
  /**
   * Whose keys these are, on routes behind a signed-in caller (the session id): each owner has keys of
   * its own, so another session sending the same key, path and body does the work for itself (and is
   * refused by the flow) instead of being handed this owner's stored answer.
   */
  readonly owner?: string;
}

/**
 * Where a stored answer is sealed: its associated data, naming the portal, route and key, so a sealed
 * answer copied to another key's row does not open.
 */
export const idempotencyAnswerContext = (scope: IdempotencyScope): string =>
  `idempotency_keys:${JSON.stringify([scope.clientId, scope.route, scope.key])}`;

/** The `Idempotency-Key` a piece of work runs under, as {@link idempotent} hands it to the work. */
export interface HeldKey {
  /**
   * `true` when an earlier request with this key and body died holding it: what it committed before
   * dying is in the database, so the work must accept finding its own earlier steps done.
   */
  readonly takenOver: boolean;
  /**
   * Stores the answer in the work's own transaction, so the work and its answer are committed together
   * and a crash can never leave one without the other. Without a key, does nothing.
   * @throws {ProblemError} `idempotency_conflict` when a retry has taken the key over meanwhile (the
   * transaction then rolls back and the retry's work stands).
   */
  storeAnswer(tx: Store, result: JsonResult): Promise<void>;
}

const WAIT_STEP_MS = 50;

/**
 * Runs a state-changing route under the `Idempotency-Key` the caller sent, if any: the first request
 * with a key does the work and its successful answer is stored; a repeat with the same key and body
 * gets that answer again (a parallel repeat waits for it); the same key with another body is refused
 * with 422 `idempotency_conflict`. A failed request stores nothing, so it can be retried.
 *
 * The key is held with a lease of `leaseSeconds`: a request whose process died (crash, SIGKILL,
 * deploy) leaves a reservation without an answer, and a repeat after the lease ends takes it over
 * and does the work (a repeat arriving earlier waits for it), so a citizen is never refused for a day.
 * Work whose steps commit separately must therefore tolerate its own earlier steps done
 * ({@link HeldKey.takenOver}); work that commits once should store its answer in that transaction
 * ({@link HeldKey.storeAnswer}).
 *
 * Stored answers are sealed ({@link IdempotencyDeps.encryption}); an answer stored in plaintext by an
 * older version is still replayed as it is.
 */
export async function idempotent(
  c: Context<AppEnv>,
  deps: IdempotencyDeps,
  raw: string,
  work: (held: HeldKey) => Promise<JsonResult>,
  options: IdempotentOptions = {},
): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return send(c, await work({ takenOver: false, storeAnswer: async () => {} }));
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ProblemError('validation_failed', { errors: [{ field: 'Idempotency-Key', code: 'invalid_type' }] });
  }
  const scope = { clientId: c.var.client.id, route: `${c.req.method} ${c.req.path}`, key: options.owner === undefined ? key : `${options.owner} ${key}` };
  // Keyed, so the stored fingerprint of a body holding a password reveals nothing without the key.
  const requestHash = keyedHash(deps.hashKey, `${scope.route}\n${raw}`);
  const context = idempotencyAnswerContext(scope);
  const seal = (result: JsonResult): StoredAnswer => ({ status: result.status, body: deps.encryption.seal(JSON.stringify(result.body), context) });
  const replay = async (answer: StoredAnswer): Promise<Response> => {
    const body = KeyEncryption.isSealed(answer.body) ? deps.encryption.open(answer.body, context) : answer.body;
    if (options.beforeReplay) await options.beforeReplay(JSON.parse(body) as unknown);
    return new Response(body, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true' },
    });
  };
  const timing = () => ({ now: deps.clock(), keepSeconds: IDEMPOTENCY_KEEP_SECONDS, leaseSeconds: deps.leaseSeconds });
  // A live holder answers within its lease, a dead one is taken over after it: waiting longer is pointless.
  const waitUntil = Date.now() + deps.leaseSeconds * 1000 + 1000;
  let lease: string;
  let takenOver: boolean;
  for (;;) {
    const reservation = await deps.store.idempotency.reserve(scope, requestHash, timing());
    if (reservation.state === 'conflict') throw new ProblemError('idempotency_conflict');
    if (reservation.state === 'replay') return replay(reservation);
    if (reservation.state === 'new') {
      ({ lease, takenOver } = reservation);
      break;
    }
    if (Date.now() > waitUntil) throw new ProblemError('idempotency_conflict');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  let stored = false;
  const held: HeldKey = {
    takenOver,
    async storeAnswer(tx, result) {
      if (!(await tx.idempotency.complete(scope, lease, seal(result)))) throw new ProblemError('idempotency_conflict');
      stored = true;
    },
  };
  let result: JsonResult;
  try {
    result = await work(held);
  } catch (error) {
    // A slow request whose key a retry took over fails its last step; the retry's answer is the answer.
    const answered = await deps.store.idempotency.answer(scope, requestHash);
    if (answered) return replay(answered);
    await deps.store.idempotency.release(scope, lease);
    throw error;
  }
  if (!stored) await deps.store.idempotency.complete(scope, lease, seal(result));
  return send(c, result);
}

function send(c: Context<AppEnv>, result: JsonResult): Response {
  return c.json(result.body as object, result.status);
}

import { OPERATOR_PATHS } from '@dvc-kit/sdk';
import { PhoneReplacementSchema } from '@dvc-kit/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { phoneReplacement, type OperatorCaller } from '../flows/phone-replacement.js';
import { bodyLimitMiddleware } from '../http/body-limit.js';
import { readBody } from '../http/body.js';
import { clientAddress } from '../http/client-address.js';
import { jsonContentTypeMiddleware } from '../http/content-type.js';
import type { AppEnv } from '../http/env.js';
import { operatorMiddleware, type OperatorEnv } from '../http/operators.js';
import { ProblemError } from '../http/problem.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';

/** An operator request seen as any other request of the app (the operator aside). */
const plain = (c: Context<OperatorEnv>) => c as unknown as Context<AppEnv>;

/**
 * The operator API, for a one-stop counter's back office (`DvcOperatorClient`), under its own prefix
 * beside the portals' `/v1` — no CORS, no client id, an operator credential (see `operatorMiddleware`):
 *
 * - `POST /operator/v1/phone-replacements` (200): a counter officer replaces a lost phone after an
 *   in-person check; the sessions end and an audit entry names the officer, in one transaction.
 * - `GET /operator/v1/audit?accountSub=…` (200): an account's audit entries, newest first.
 *
 * Each call counts against its operator's limit (`limits.operatorCalls`, 429 with `Retry-After`).
 * Mounted only when `operators` is configured: otherwise every path here answers 404.
 */
export function operatorRoutes(deps: AppDeps): Hono<OperatorEnv> {
  const { config } = deps;
  const routes = new Hono<OperatorEnv>();
  routes.use('/operator/v1/*', operatorMiddleware(config.operators));
  routes.use('/operator/v1/*', jsonContentTypeMiddleware(), bodyLimitMiddleware(config.http.maxBodyBytes));
  routes.use('/operator/v1/*', async (c, next) => {
    const operator = c.var.operator;
    await takeOrRefuse(deps, [{ key: limitKey(deps, 'operator', 'id', operator.id), limits: config.limits.operatorCalls.perOperator }], 'operator.limited', {
      operator: operator.id,
    });
    await next();
  });

  const callerOf = (c: Context<OperatorEnv>): OperatorCaller => ({ operatorId: c.var.operator.id, address: clientAddress(plain(c), config.trustProxy) });

  routes.post(OPERATOR_PATHS.phoneReplacements, async (c) => {
    const { data } = await readBody(plain(c), PhoneReplacementSchema);
    c.header('Cache-Control', 'no-store');
    return c.json(await phoneReplacement.replace(deps, callerOf(c), data), 200);
  });

  routes.get(OPERATOR_PATHS.audit, async (c) => {
    const accountSub = c.req.query('accountSub');
    if (accountSub === undefined || accountSub === '') throw new ProblemError('validation_failed', { errors: [{ field: 'accountSub', code: 'required' }] });
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountSub)) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'accountSub', code: 'invalid_type' }] });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await phoneReplacement.audit(deps, callerOf(c), accountSub.toLowerCase()), 200);
  });

  return routes;
}

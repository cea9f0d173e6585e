import { unmetRequirement, type IdentityAssuranceLevel, type VerificationMethod } from '../assurance/levels.js';
import { AssuranceRequirementSchema, type SessionAssuranceView } from '../contract/assurance.js';
import { holderOf } from './account.js';
import type { RouteContext } from './route.js';

/** The session of a request's live access token, as `GET /v1/session/assurance` tells it; or the 401. */
function assuranceOf(context: RouteContext): SessionAssuranceView | Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const session = [...context.scenario.sessions.values()].find((open) => open.sid === holder.sid)!;
  const { aal, amr, vneidLevel } = session.authentication;
  return {
    ial: holder.account.ial as IdentityAssuranceLevel,
    ialMethod: holder.account.verificationMethod as VerificationMethod,
    aal,
    amr: [...amr],
    authTime: session.authTime,
    ...(vneidLevel ? { vneidLevel } : {}),
  };
}

/** `GET /v1/session/assurance`: the session's assurance from the scenario; 401 once it ended. */
export function getSessionAssurance(context: RouteContext): Response {
  const assurance = assuranceOf(context);
  if (assurance instanceof Response) return assurance;
  const response = context.json(assurance);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** `POST /v1/session/assurance/check`: whether the session meets a requirement by the scenario's clock, and what it misses. */
export function checkSessionAssurance(context: RouteContext): Response {
  const assurance = assuranceOf(context);
  if (assurance instanceof Response) return assurance;
  const parsed = AssuranceRequirementSchema.safeParse(context.body ?? {});
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const missing = unmetRequirement(assurance, parsed.data, new Date(context.scenario.now()));
  const response = context.json({ meets: Object.keys(missing).length === 0, missing, assurance });
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

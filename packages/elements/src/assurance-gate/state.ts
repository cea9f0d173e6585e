import type { AssuranceRequirement } from '@dvc-kit/sdk';
import type { SessionAssuranceView } from '@dvc-kit/sdk/contract';
import type { StepProblem } from '../shared/feedback.js';

/**
 * Why `<dvc-assurance-gate>` asks the citizen for a step: no session (`signIn`), a session the service no
 * longer accepts (`ended`), a sign-in too weak (`aal`: sign in again with a code or a passkey; `aal3`: with a
 * signature key) or too old (`maxAge`), an identity proven at too low a level (`ial`: sign to upgrade), or a
 * VNeID level this portal cannot give (`vneid`).
 */
export type StepUpReason = 'signIn' | 'ended' | 'aal' | 'aal3' | 'maxAge' | 'ial' | 'vneid';

/**
 * The steps of `<dvc-assurance-gate>`: `checking` with the service, then `met` (the content), `stepUp` (the
 * way up in place, `level` the value asked for: a level, or `maxAge` in seconds) or `failed` (the service
 * could not answer; "Thử lại").
 */
export type GateState =
  | { readonly step: 'checking' }
  | { readonly step: 'met'; readonly assurance: SessionAssuranceView }
  | { readonly step: 'stepUp'; readonly why: StepUpReason; readonly level?: number }
  | ({ readonly step: 'failed' } & StepProblem);

/**
 * The step that answers what a session misses (`missing` of `POST /v1/session/assurance/check`), sign-in
 * first: a new sign-in (AAL3 by signature, else with a code or passkey) also answers `maxAge`, and an
 * upgrade of the identity comes after it, on the fresh session.
 *
 * @example
 * ```ts
 * stepUpFor({ ial: 3, maxAge: 600 }); // { step: 'stepUp', why: 'maxAge', level: 600 }, then `ial` once signed in again
 * ```
 */
export function stepUpFor(missing: AssuranceRequirement): GateState {
  const { ial, aal, vneidLevel, maxAge } = missing;
  const [why, level] =
    aal === 3 ? (['aal3', aal] as const) : aal ? (['aal', aal] as const) : maxAge !== undefined ? (['maxAge', maxAge] as const) : ial ? (['ial', ial] as const) : (['vneid', vneidLevel] as const);
  return { step: 'stepUp', why, level };
}

/**
 * Two requirements as one that asks the stricter of each part: the higher level, the shorter `maxAge`. The
 * gate's own attributes and a portal backend's step-up challenge together.
 *
 * @example
 * ```ts
 * strictest({ ial: 2, aal: 2, maxAge: 900 }, { ial: 3, maxAge: 300 }); // { ial: 3, aal: 2, maxAge: 300 }
 * ```
 */
export function strictest(a: AssuranceRequirement, b: AssuranceRequirement = {}): AssuranceRequirement {
  const out: { -readonly [K in keyof AssuranceRequirement]: AssuranceRequirement[K] } = {};
  for (const key of ['ial', 'aal', 'vneidLevel'] as const) {
    const level = Math.max(a[key] ?? 0, b[key] ?? 0);
    if (level) out[key] = level as never;
  }
  const ages = [a.maxAge, b.maxAge].filter((age): age is number => age != null);
  if (ages.length) out.maxAge = Math.min(...ages);
  return out;
}

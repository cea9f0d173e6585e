import type { Assurance, AssuranceRequirement, AuthenticatorAssuranceLevel, IdentityAssuranceLevel, VneidLevel } from './levels.js';

const ACR_PREFIX = 'urn:dvc-kit:acr:';

/**
 * The `acr` claim value for an assurance, e.g. `urn:dvc-kit:acr:ial2-aal2`, with `-vneid<level>`
 * when the sign-in came through VNeID.
 *
 * @example
 * ```ts
 * acrFor({ ial: 2, aal: 2 }); // 'urn:dvc-kit:acr:ial2-aal2'
 * acrFor({ ial: 3, aal: 2, vneidLevel: 2 }); // 'urn:dvc-kit:acr:ial3-aal2-vneid2'
 * ```
 */
export function acrFor(assurance: Assurance): string {
  const vneid = assurance.vneidLevel ? `-vneid${assurance.vneidLevel}` : '';
  return `${ACR_PREFIX}ial${assurance.ial}-aal${assurance.aal}${vneid}`;
}

/**
 * Reads an `acr` claim written by {@link acrFor}; `undefined` when it is not one of ours.
 *
 * @example
 * ```ts
 * parseAcr('urn:dvc-kit:acr:ial2-aal2'); // { ial: 2, aal: 2 }
 * ```
 */
export function parseAcr(acr: string): Assurance | undefined {
  const match = /^urn:dvc-kit:acr:ial([1-3])-aal([1-3])(?:-vneid([12]))?$/.exec(acr);
  if (!match) return undefined;
  const base = { ial: Number(match[1]) as IdentityAssuranceLevel, aal: Number(match[2]) as AuthenticatorAssuranceLevel };
  return match[3] ? { ...base, vneidLevel: Number(match[3]) as VneidLevel } : base;
}

/**
 * The `acr` value that asks for a requirement's levels, as minimums: the parts asked for, in the
 * order `ial`, `aal`, `vneid`, e.g. `urn:dvc-kit:acr:ial3-aal2` or `urn:dvc-kit:acr:aal2`. A session's
 * own `acr` ({@link acrFor}) read this way asks for its levels. `undefined` when no level is asked for
 * (`maxAge` travels apart, as `max_age`).
 *
 * @example
 * ```ts
 * acrValueFor({ ial: 3, aal: 2 }); // 'urn:dvc-kit:acr:ial3-aal2'
 * acrValueFor({ vneidLevel: 2 }); // 'urn:dvc-kit:acr:vneid2'
 * ```
 */
export function acrValueFor(requirement: AssuranceRequirement): string | undefined {
  const parts = [
    requirement.ial && `ial${requirement.ial}`,
    requirement.aal && `aal${requirement.aal}`,
    requirement.vneidLevel && `vneid${requirement.vneidLevel}`,
  ].filter(Boolean);
  return parts.length ? ACR_PREFIX + parts.join('-') : undefined;
}

/**
 * Reads an `acr` value as the minimum levels it asks for (the form {@link acrValueFor} writes, of
 * which a session's `acr` is one); `undefined` when it is not one of ours.
 *
 * @example
 * ```ts
 * parseAcrRequirement('urn:dvc-kit:acr:ial3'); // { ial: 3 }
 * parseAcrRequirement('urn:dvc-kit:acr:ial2-aal2'); // { ial: 2, aal: 2 }
 * ```
 */
export function parseAcrRequirement(value: string): AssuranceRequirement | undefined {
  const match = /^urn:dvc-kit:acr:(?:ial([1-3]))?-?(?:aal([1-3]))?-?(?:vneid([12]))?$/.exec(value);
  if (!match) return undefined;
  const [, ial, aal, vneid] = match;
  const requirement: AssuranceRequirement = {
    ...(ial ? { ial: Number(ial) as IdentityAssuranceLevel } : {}),
    ...(aal ? { aal: Number(aal) as AuthenticatorAssuranceLevel } : {}),
    ...(vneid ? { vneidLevel: Number(vneid) as VneidLevel } : {}),
  };
  // Only the one way of writing it: parts joined by single dashes, none empty.
  return acrValueFor(requirement) === value ? requirement : undefined;
}

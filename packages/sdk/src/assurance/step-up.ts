import { acrValueFor, parseAcrRequirement } from './acr.js';
import type { AssuranceRequirement } from './levels.js';

/** The OAuth error code of a step-up challenge (RFC 9470 §3). */
export const INSUFFICIENT_USER_AUTHENTICATION = 'insufficient_user_authentication';

/** Options of {@link stepUpChallenge}. */
export interface StepUpChallengeOptions {
  /**
   * The `error_description`, for a developer reading the header (citizens read the problem body in
   * their language). Printable ASCII only, as RFC 6750 allows; by default an English sentence.
   */
  readonly description?: string;
  /** The `realm`, when the portal names one. */
  readonly realm?: string;
}

/**
 * The `WWW-Authenticate` value a portal backend answers with (status 401) when a token is below what
 * an operation needs: an RFC 9470 step-up challenge naming the levels as an `acr_values` URN (minimums,
 * see {@link acrValueFor}) and the age of sign-in as `max_age`.
 *
 * @throws {RangeError} when the description or realm holds a character a header cannot carry
 *   (outside printable ASCII), or `maxAge` is not a whole number of seconds.
 * @example
 * ```ts
 * response.setHeader('WWW-Authenticate', stepUpChallenge({ ial: 3, aal: 2, maxAge: 300 }));
 * // Bearer error="insufficient_user_authentication",
 * //   error_description="A higher assurance level is required", acr_values="urn:dvc-kit:acr:ial3-aal2", max_age=300
 * ```
 */
export function stepUpChallenge(requirement: AssuranceRequirement, options: StepUpChallengeOptions = {}): string {
  const { maxAge } = requirement;
  if (maxAge !== undefined && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) throw new RangeError('maxAge must be a whole number of seconds, 0 or more');
  const acr = acrValueFor(requirement);
  const description = options.description ?? (acr ? 'A higher assurance level is required' : 'A more recent sign-in is required');
  const params = [
    ...(options.realm === undefined ? [] : [`realm=${quote(options.realm)}`]),
    `error="${INSUFFICIENT_USER_AUTHENTICATION}"`,
    `error_description=${quote(description)}`,
    ...(acr ? [`acr_values=${quote(acr)}`] : []),
    ...(maxAge === undefined ? [] : [`max_age=${maxAge}`]),
  ];
  return `Bearer ${params.join(', ')}`;
}

/** An RFC 9110 quoted-string: `"` and `\` escaped by a backslash. */
function quote(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError('a header parameter holds printable ASCII only');
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The requirement an RFC 9470 step-up challenge asks for, read from a 401 response's
 * `WWW-Authenticate` header or from the header's value: the levels of the first `acr_values` entry
 * DVC Kit knows (entries are alternatives, most preferred first) and `max_age` as `maxAge`.
 * `undefined` when there is no Bearer challenge with `error="insufficient_user_authentication"`, when
 * the header does not follow RFC 9110's grammar, or when the challenge names nothing DVC Kit can read
 * (only unknown `acr_values`, a `max_age` that is not a number).
 *
 * @example
 * ```ts
 * const response = await fetch('/api/high-assurance', { headers: { Authorization: `Bearer ${accessToken}` } });
 * const requirement = readStepUpChallenge(response); // { ial: 3, aal: 2, maxAge: 300 }
 * if (requirement) startStepUp(requirement);
 * ```
 */
export function readStepUpChallenge(input: Response | string | null | undefined): AssuranceRequirement | undefined {
  const header = typeof input === 'string' || input == null ? input : input.status === 401 ? input.headers.get('WWW-Authenticate') : null;
  if (!header) return undefined;
  const challenges = parseChallenges(header);
  const bearer = challenges?.find((challenge) => challenge.scheme === 'bearer' && challenge.params.get('error') === INSUFFICIENT_USER_AUTHENTICATION);
  if (!bearer) return undefined;
  const acrValues = bearer.params.get('acr_values');
  const maxAge = bearer.params.get('max_age');
  if (maxAge !== undefined && !/^\d{1,15}$/.test(maxAge)) return undefined;
  const levels = acrValues === undefined ? {} : acrValues.split(' ').map(parseAcrRequirement).find(Boolean);
  if (!levels || (acrValues === undefined && maxAge === undefined)) return undefined;
  return maxAge === undefined ? levels : { ...levels, maxAge: Number(maxAge) };
}

/** One challenge of a `WWW-Authenticate` header: its scheme (lower case) and parameters (names lower case). */
interface Challenge {
  readonly scheme: string;
  readonly params: Map<string, string>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const TOKEN68 = /[A-Za-z0-9._~+/-]+=*/y;
const QUOTED = /"((?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[\x09\x20-\x7e\x80-\xff])*)"/y;
const SPACE = /[ \t]*/y;
/** A parameter's start: `name BWS "="`. */
const PARAM_NAME = /([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*/y;

/**
 * The challenges of a `WWW-Authenticate` value (RFC 9110 §11.6.1): `scheme [token68 | #auth-param]`,
 * separated by commas. `undefined` when it breaks the grammar or repeats a parameter in a challenge.
 */
function parseChallenges(header: string): Challenge[] | undefined {
  let at = 0;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const match = pattern.exec(header);
    if (match) at = pattern.lastIndex;
    return match;
  };
  const ended = () => at >= header.length;
  const skipCommas = () => {
    for (take(SPACE); header[at] === ','; take(SPACE)) at++;
  };
  /** Whether a parameter (rather than the next challenge's scheme) starts here. */
  const paramAhead = () => {
    PARAM_NAME.lastIndex = at;
    return PARAM_NAME.test(header);
  };
  const challenges: Challenge[] = [];
  skipCommas();
  while (!ended()) {
    const scheme = take(TOKEN)?.[0];
    if (!scheme) return undefined;
    const params = new Map<string, string>();
    challenges.push({ scheme: scheme.toLowerCase(), params });
    take(SPACE);
    if (ended() || header[at] === ',') {
      skipCommas();
      continue;
    }
    if (!/[ \t]/.test(header[at - 1]!)) return undefined;
    const start = at;
    if (take(TOKEN68) && (take(SPACE), ended() || header[at] === ',')) {
      skipCommas();
      continue;
    }
    at = start;
    do {
      const name = take(PARAM_NAME)?.[1]?.toLowerCase();
      const quoted = name === undefined ? null : take(QUOTED);
      const value = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : take(TOKEN)?.[0];
      if (name === undefined || value === undefined || params.has(name)) return undefined;
      params.set(name, value);
      take(SPACE);
      if (!ended() && header[at] !== ',') return undefined;
      skipCommas();
    } while (!ended() && paramAhead());
  }
  return challenges;
}

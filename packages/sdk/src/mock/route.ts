import { HttpResponse, type HttpResponseResolver } from 'msw';
import { CLIENT_HEADER } from '../contract/paths.js';
import { fieldErrorsFromIssues, type SchemaIssue } from '../contract/issues.js';
import { pickLanguage, type Language } from '../messages/codes.js';
import { problemResponse, type ProblemDetails } from './problem.js';
import type { ServiceProblemCode } from '../contract/problem-status.js';
import type { MockOperation, MockScenario } from './scenario.js';

/** What an operation's handler gets: the request already read, and ways to answer. */
export interface RouteContext {
  readonly scenario: MockScenario;
  readonly request: Request;
  readonly params: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly lang: Language;
  readonly clientId: string;
  /** The parsed JSON body (`undefined` when none or not JSON). */
  readonly body: unknown;
  problem(code: ServiceProblemCode, details?: ProblemDetails): Response;
  /** A `validation_failed` answer from schema issues, or `undefined` when there are none. */
  invalid(issues: readonly SchemaIssue[] | undefined): Response | undefined;
  json(body: unknown, status?: number): Response;
}

/** The origin of the page the mock runs in, when it runs in one. */
function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

/** Wraps an operation: records the request, checks the client, plays forced failures, then runs it. */
export function route(scenario: MockScenario, operation: MockOperation, run: (context: RouteContext) => Response | Promise<Response>): HttpResponseResolver {
  return async ({ request, params }) => {
    const lang = pickLanguage(request.headers.get('Accept-Language'));
    const clientId = request.headers.get(CLIENT_HEADER);
    let body: unknown;
    if (request.method !== 'GET') {
      try {
        body = await request.clone().json();
      } catch {
        body = undefined;
      }
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    scenario.requests.push({ operation, method: request.method, url: request.url, headers, body });
    const { minLength: min, maxLength: max } = scenario.config.passwordPolicy;
    const problem = (code: ServiceProblemCode, details: ProblemDetails = {}) => problemResponse(code, lang, { ruleParams: { min, max }, ...details });
    const forced = scenario.takeFailure(operation);
    if (forced) {
      if (forced.code === 'network') return HttpResponse.error();
      return problem(forced.code, forced);
    }
    if (!scenario.knowsClient(clientId)) return problem('unknown_client');
    const origin = request.headers.get('Origin') ?? pageOrigin();
    if (!scenario.allowsOrigin(origin)) {
      const refused = problem('origin_not_allowed');
      refused.headers.set('Access-Control-Allow-Origin', origin!);
      return refused;
    }
    return run({
      scenario,
      request,
      params,
      lang,
      clientId: clientId!,
      body,
      problem,
      invalid: (issues) =>
        issues?.length ? problem('validation_failed', { fieldErrors: fieldErrorsFromIssues(issues, lang) }) : undefined,
      json: (value, status = 200) => HttpResponse.json(value as Record<string, unknown>, { status }),
    });
  };
}

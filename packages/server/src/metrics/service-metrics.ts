import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { LogFields, LogLevel } from '../log.js';
import { eventLabel, limitName, methodLabel, outcomeOf, routeLabel, shortLabel, statusClass } from './labels.js';

/** Options of {@link ServiceMetrics}. */
export interface ServiceMetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event-loop lag, GC) from this registry. */
  readonly processMetrics?: boolean;
}

/**
 * The Prometheus metrics of one service instance, in a registry of its own (never prom-client's
 * global one), so several services in one process, and tests, do not share counters.
 *
 * The metrics are counted from the service's own log events ({@link ServiceMetrics.observe} is the
 * logger's tap), so a flow only logs what happened. Every label value is either a fixed word of the
 * code (an event name, a purpose, a route template such as `/v1/sign-ins/:id/otp/verify`, a status
 * class) or `other`: never an ID number, phone, client address, flow id or code.
 *
 * @example
 * ```ts
 * const metrics = new ServiceMetrics();
 * const log = createLogger({ hashKey, now: () => new Date(), tap: metrics.observe });
 * log.info('sign_in.completed', { client: 'ministry-portal' });
 * console.log(await metrics.exposition()); // dvc_sign_ins_total{outcome="success"} 1 …
 * ```
 */
export class ServiceMetrics {
  /** The registry holding this instance's metrics. */
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status_class'>;
  readonly #latency: Histogram<'method' | 'route' | 'status_class'>;
  readonly #codes: Counter<'purpose' | 'outcome'>;
  readonly #wrongCodes: Counter<'purpose'>;
  readonly #signIns: Counter<'outcome'>;
  readonly #registrations: Counter<'outcome'>;
  readonly #sessions: Counter<'outcome'>;
  readonly #limits: Counter<'limit'>;
  readonly #registryErrors: Counter<'registry'>;
  readonly #events: Counter<'level' | 'event'>;

  constructor(options: ServiceMetricsOptions = {}) {
    const registers = [this.registry];
    const http = ['method', 'route', 'status_class'] as const;
    this.#requests = new Counter({ name: 'dvc_http_requests_total', help: 'HTTP requests answered, by method, route template and status class.', labelNames: http, registers });
    this.#latency = new Histogram({
      name: 'dvc_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status class.',
      labelNames: http,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#codes = new Counter({ name: 'dvc_sms_codes_total', help: 'One-time codes handed to the SMS gateway, by purpose and outcome (sent, failed).', labelNames: ['purpose', 'outcome'], registers });
    this.#wrongCodes = new Counter({ name: 'dvc_otp_wrong_codes_total', help: 'Wrong one-time codes entered, by purpose.', labelNames: ['purpose'], registers });
    this.#signIns = new Counter({
      name: 'dvc_sign_ins_total',
      help: 'Sign-in steps by outcome: password_accepted, success (tokens issued), invalid_credentials, throttled, …',
      labelNames: ['outcome'],
      registers,
    });
    this.#registrations = new Counter({
      name: 'dvc_registrations_total',
      help: 'Registration steps by outcome: started, carrier_mismatch, account_exists, completed, …',
      labelNames: ['outcome'],
      registers,
    });
    this.#sessions = new Counter({ name: 'dvc_session_events_total', help: 'Session events by outcome: signed_out, refresh_token_reused, …', labelNames: ['outcome'], registers });
    this.#limits = new Counter({ name: 'dvc_limits_hit_total', help: 'Requests refused by a limit, by limit name.', labelNames: ['limit'], registers });
    this.#registryErrors = new Counter({ name: 'dvc_registry_unavailable_total', help: 'Register look-ups that failed because the register was unavailable.', labelNames: ['registry'], registers });
    this.#events = new Counter({ name: 'dvc_log_events_total', help: 'Every log event the service wrote, by level and event name.', labelNames: ['level', 'event'], registers });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Counts one log event: the logger's tap (`createLogger({ tap: metrics.observe })`). Bound, so it
   * can be passed as it is.
   */
  readonly observe = (level: LogLevel, event: string, fields: LogFields): void => {
    const name = eventLabel(event);
    this.#events.inc({ level, event: name });
    const limit = limitName(name);
    if (limit) this.#limits.inc({ limit });
    switch (name) {
      case 'http.request': {
        const labels = { method: methodLabel(fields.method), route: routeLabel(fields.route), status_class: statusClass(fields.status) };
        this.#requests.inc(labels);
        if (typeof fields.ms === 'number' && Number.isFinite(fields.ms)) this.#latency.observe(labels, Math.max(0, fields.ms) / 1000);
        return;
      }
      case 'otp.sent':
        this.#codes.inc({ purpose: shortLabel(fields.purpose), outcome: 'sent' });
        return;
      case 'otp.send_failed':
        this.#codes.inc({ purpose: shortLabel(fields.purpose), outcome: 'failed' });
        return;
      case 'otp.wrong':
        this.#wrongCodes.inc({ purpose: shortLabel(fields.purpose) });
        return;
      case 'registry.unavailable':
        this.#registryErrors.inc({ registry: shortLabel(fields.registry) });
        return;
    }
    const [scope] = name.split('.');
    if (scope === 'sign_in') this.#signIns.inc({ outcome: outcomeOf(name) });
    else if (scope === 'registration') this.#registrations.inc({ outcome: outcomeOf(name) });
    else if (scope === 'session') this.#sessions.inc({ outcome: outcomeOf(name) });
  };

  /** The metrics in the Prometheus text format, as `GET /metrics` answers them. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  /** The `Content-Type` of {@link ServiceMetrics.exposition}. */
  get contentType(): string {
    return this.registry.contentType;
  }
}

import { keyedHash } from './server-keys.js';

/** A log line's fields. Never put an ID number, phone, code or password here: use {@link Logger.hash}. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Severity of a log line. */
export type LogLevel = 'info' | 'warn' | 'error';

/**
 * Structured JSON-lines logging without personal data: ID numbers and phones appear only as a keyed
 * hash (so an operator can follow one citizen's attempts without the log holding who they are), and
 * codes and passwords never.
 */
export interface Logger {
  /** Writes one line: `{ time, level, event, ...fields }`. */
  log(level: LogLevel, event: string, fields?: LogFields): void;
  /** A line at level `info`: something expected happened (a code sent, an account created). */
  info(event: string, fields?: LogFields): void;
  /** A line at level `warn`: a refused or suspicious request the operator may want to watch. */
  warn(event: string, fields?: LogFields): void;
  /** A line at level `error`: a failure of the service or of a system it depends on. */
  error(event: string, fields?: LogFields): void;
  /** A short keyed hash of personal data (`kind` separates ID numbers from phones). */
  hash(kind: 'id' | 'phone' | 'address', value: string): string;
}

/**
 * Something that watches every log line as it is written, before it is serialised: the service's
 * metrics count events this way, so the flows only log and never call metrics themselves. The
 * fields are the ones of the line (already free of personal data).
 */
export type LogTap = (level: LogLevel, event: string, fields: LogFields) => void;

/**
 * Creates a logger writing JSON lines to `write` (standard output by default), and showing each line
 * to `tap` when given.
 *
 * @example
 * ```ts
 * const log = createLogger({ hashKey, now: () => new Date() });
 * log.info('sign_in.failed', { id: log.hash('id', idNumber) });
 * ```
 */
export function createLogger(options: { hashKey: string; now: () => Date; write?: (line: string) => void; tap?: LogTap }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    options.tap?.(level, event, fields);
    write(JSON.stringify({ time: options.now().toISOString(), level, event, ...fields }));
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
    hash: (kind, value) => keyedHash(options.hashKey, `${kind}:${value}`).slice(0, 16),
  };
}

import type { AppDeps } from '../app-deps.js';

/**
 * Texts a notice (not a code) to a phone after the answer has gone, within that phone's own send
 * limits (the budget the codes share). Best effort: a refused limit or a failed gateway is logged,
 * under `event`, and changes nothing — the change the notice tells of is already committed.
 *
 * @param event - the log event's prefix, e.g. `account_change.notice` → `…_sent`, `…_withheld`, `…_failed`.
 */
export function noticeAfterAnswer(deps: AppDeps, phone: string, text: string, event: string): void {
  const { store, clock, log } = deps;
  setImmediate(() => {
    void (async () => {
      const limit = await store.sendLimits.take([deps.codes.phoneSendLimit(phone)], clock());
      if (!limit.ok) {
        log.warn(`${event}_withheld`, { phone: log.hash('phone', phone), retryAfter: limit.retryAfterSeconds });
        return;
      }
      await deps.sms.send({ to: phone, text });
      log.info(`${event}_sent`, { phone: log.hash('phone', phone) });
    })().catch((error: unknown) => log.warn(`${event}_failed`, { error: error instanceof Error ? error.name : 'unexpected' }));
  });
}

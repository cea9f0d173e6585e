import { randomUUID } from 'node:crypto';
import { maskPhone, normalizeIdNumber, parsePhone } from '@dvc-kit/sdk';
import type { AuditList, PhoneReplaced, PhoneReplacementRequest } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { keyedHash } from '../server-keys.js';
import type { OperatorAuditRecord } from '../store/operator-audit.js';
import { noticeAfterAnswer } from './notice.js';

/** Why the sessions of an account whose phone a counter replaced ended, as recorded with them. */
const SESSIONS_ENDED_REASON = 'phone_replaced_at_counter';

/** Most audit entries one look-up returns. */
const AUDIT_PAGE = 200;

/** Who calls the operator API, as the edge found them: the operator credential and the caller's address. */
export interface OperatorCaller {
  /** The `id` of the operator credential (`operators[].id`). */
  readonly operatorId: string;
  /** The network address the call came from (recorded in the audit log). */
  readonly address: string;
}

/**
 * The text to the new phone after a counter replaced it: ASCII (it travels on every handset), telling
 * the citizen this number now receives the account's codes and what to do if they did not ask.
 */
export function phoneReplacedNotice(): string {
  return 'DVC: So dien thoai nay da duoc dang ky nhan ma xac thuc cua tai khoan dich vu cong tai bo phan mot cua. Neu khong phai ban yeu cau, hay lien he bo phan mot cua gan nhat.';
}

/** A run of 9 or more digits, separators allowed between them: a document or phone number. */
const NUMBER_RUN = /\d(?:[\s.\-]*\d){8,}/g;

/** The officer's note as the audit keeps it: NFC, trimmed, every document or phone number masked. */
function auditNote(note: string | undefined): string | null {
  const kept = note?.normalize('NFC').trim().replace(NUMBER_RUN, '[…]');
  return kept ? kept : null;
}

/** The audit's stand-in for a phone: the full keyed hash (the log's is its first 16 characters). */
const phoneHash = (deps: AppDeps, phone: string) => keyedHash(deps.keys.logHashKey, `phone:${phone}`);

/**
 * What a one-stop counter officer does through the operator API ("bộ phận một cửa"): replace the
 * phone of a citizen who lost it, after checking their identity document in person, and read an
 * account's audit log. Operators may know whether an ID number has an account (`account_not_found`).
 */
export const phoneReplacement = {
  /**
   * Replaces the account's phone. The new phone, the end of every session of the account (on every
   * portal) and the audit entry naming the operator and the officer are one transaction; the new
   * phone gets a notice after the answer.
   * @throws {ProblemError} `account_not_found`, `validation_failed` (`phone`: `unchanged`), `flow_step` (a parallel change landed first).
   */
  async replace(deps: AppDeps, caller: OperatorCaller, data: PhoneReplacementRequest): Promise<PhoneReplaced> {
    const { store, clock, log } = deps;
    const idNumber = normalizeIdNumber(data.idNumber);
    const phone = parsePhone(data.phone);
    // The contract's PhoneField already refused anything parsePhone refuses.
    if (!phone.ok) throw new ProblemError('validation_failed', { errors: [{ field: 'phone', code: 'phone_format' }] });
    const account = await store.accounts.findByIdNumber(idNumber);
    if (!account) {
      log.info('operator.account_not_found', { operator: caller.operatorId, id: log.hash('id', idNumber) });
      throw new ProblemError('account_not_found');
    }
    if (account.phone === phone.e164) throw new ProblemError('validation_failed', { errors: [{ field: 'phone', code: 'unchanged' }] });
    const now = clock();
    const entry: OperatorAuditRecord = {
      id: randomUUID(),
      at: now,
      action: 'phone_replaced',
      accountSub: account.sub,
      operatorId: caller.operatorId,
      officerId: data.officerId.normalize('NFC').trim(),
      officerName: data.officerName.normalize('NFC').trim(),
      documentType: data.evidence.documentType,
      note: auditNote(data.evidence.note),
      oldPhoneHash: phoneHash(deps, account.phone),
      newPhoneHash: phoneHash(deps, phone.e164),
      address: caller.address,
    };
    const sessionsEnded = await store.transaction(async (tx) => {
      // Only the phone the officer's look-up saw: a change that landed meanwhile wins, and the officer tries again.
      if (!(await tx.accounts.replacePhone(account.sub, account.phone, phone.e164))) throw new ProblemError('flow_step');
      const ended = await tx.sessions.revokeAllForAccount(account.sub, now, SESSIONS_ENDED_REASON);
      await tx.operatorAudit.add(entry);
      return ended;
    });
    noticeAfterAnswer(deps, phone.e164, phoneReplacedNotice(), 'operator.notice');
    log.info('operator.phone_replaced', { operator: caller.operatorId, sub: account.sub, audit: entry.id, sessionsEnded });
    return { accountSub: account.sub, maskedPhone: maskPhone(phone.e164), sessionsEnded, auditId: entry.id };
  },

  /** The newest audit entries of an account (none for an unknown one), newest first. */
  async audit(deps: AppDeps, caller: OperatorCaller, accountSub: string): Promise<AuditList> {
    const entries = await deps.store.operatorAudit.forAccount(accountSub, AUDIT_PAGE);
    deps.log.info('operator.audit_read', { operator: caller.operatorId, sub: accountSub, entries: entries.length });
    return { entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })) };
  },
};

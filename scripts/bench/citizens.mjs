// Fictional citizens for the bench: a sandbox carrier fixture the service is started with, and a pool
// that hands out accounts without breaking the per-phone code limits (3 a minute, 10 an hour).
import { writeFileSync } from 'node:fs';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Quân', 'Thảo', 'Tuấn', 'Yến'];

/** The password every bench account gets: meets the portal rule, holds no personal data. */
export const BENCH_PASSWORD = 'Đo-Tốc-Độ!Kx7';

/**
 * `count` fictional citizens with distinct CCCD numbers and Viettel phones (+8497…), born 1960–1999.
 * The CCCD's century digit and year match the birth date, as the service checks.
 */
export function benchCitizens(count, offset = 0) {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const year = 1960 + (i % 40);
    const female = i % 2 === 1;
    const serial = String(i).padStart(6, '0');
    return {
      idNumber: `001${female ? 1 : 0}${String(year).slice(2)}${serial}`,
      fullName: `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
      birthDate: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      phone: `+8497${String(1_000_000 + i).padStart(7, '0')}`,
    };
  });
}

/** Writes a sandbox carrier fixture (`{ citizens }`) the service's `registries.carrier.fixture` reads. */
export function writeFixture(path, citizens) {
  writeFileSync(path, JSON.stringify({ $comment: 'Fictional bench citizens.', citizens }, null, 1));
}

/**
 * Accounts handed out one sign-in at a time, each only while the service would still send its phone a
 * code: no more than `perMinute` sends in any 61 s and `perHour` in the hour. `waitedMs` says how long
 * callers waited for a free account — when it is not 0 the pool was too small for the load.
 */
export class AccountPool {
  #accounts;
  #sends = new Map();
  #busy = new Set();
  #cursor = 0;
  waitedMs = 0;

  constructor(accounts, { perMinute = 3, perHour = 10 } = {}) {
    this.#accounts = accounts;
    this.perMinute = perMinute;
    this.perHour = perHour;
  }

  /** Records a code sent to an account's phone outside the pool (its registration). */
  sent(account, at = Date.now()) {
    const list = this.#sends.get(account.phone) ?? [];
    list.push(at);
    this.#sends.set(account.phone, list);
  }

  #free(account, now) {
    if (this.#busy.has(account.phone)) return false;
    const list = this.#sends.get(account.phone) ?? [];
    if (list.length >= this.perHour) return false;
    return list.filter((at) => now - at < 61_000).length < this.perMinute;
  }

  /** An account free to sign in now (its phone counted as sent to), waiting until one is. */
  async take() {
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      for (let step = 0; step < this.#accounts.length; step++) {
        const account = this.#accounts[(this.#cursor + step) % this.#accounts.length];
        if (this.#free(account, now)) {
          this.#cursor = (this.#cursor + step + 1) % this.#accounts.length;
          this.#busy.add(account.phone);
          this.sent(account, now);
          this.waitedMs += now - started;
          return account;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Hands an account back after its sign-in. */
  give(account) {
    this.#busy.delete(account.phone);
  }
}

import { sameFullName } from '@dvc-kit/sdk';
import type { CarrierRegistry, SubscriberMatch, SubscriberQuery } from './carrier.js';
import { knownBy, readSandboxCitizens, type SandboxCitizen } from './sandbox-citizens.js';

/**
 * A carrier register made of fictional citizens (each with a phone and perhaps `otherPhones`, more
 * SIMs in the same name): a phone matches when its subscriber has the ID
 * number (the CMND of a CMND citizen, or the `cccd` they also hold), the name (compared with `sameFullName`: case and spacing ignored, diacritics significant)
 * and the birth date asked about.
 *
 * @example
 * ```ts
 * const carrier = await SandboxCarrierRegistry.fromFile(); // packages/server/fixtures/sandbox-citizens.json
 * await carrier.verifySubscriber({ idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398' }); // 'match'
 * ```
 */
export class SandboxCarrierRegistry implements CarrierRegistry {
  readonly #byPhone: ReadonlyMap<string, SandboxCitizen>;

  constructor(citizens: readonly SandboxCitizen[]) {
    this.#byPhone = new Map(citizens.flatMap((citizen) => [citizen.phone, ...(citizen.otherPhones ?? [])].map((phone) => [phone, citizen] as const)));
  }

  /** Loads the citizens of a fixture file (the package's own by default). */
  static async fromFile(path?: string): Promise<SandboxCarrierRegistry> {
    return new SandboxCarrierRegistry(await readSandboxCitizens(path));
  }

  async verifySubscriber(query: SubscriberQuery): Promise<SubscriberMatch> {
    const subscriber = this.#byPhone.get(query.phone);
    const matches =
      subscriber !== undefined &&
      knownBy(subscriber, query.idNumber) &&
      subscriber.birthDate === query.birthDate &&
      sameFullName(subscriber.fullName, query.fullName);
    return matches ? 'match' : 'mismatch';
  }
}

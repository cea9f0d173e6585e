import { sameFullName } from '@dvc-kit/sdk';
import { knownBy, readSandboxCitizens, type SandboxCitizen } from './sandbox-citizens.js';
import type { InsuredPersonMatch, InsuredPersonQuery, SocialInsuranceRegistry } from './social-insurance.js';

/**
 * A social-insurance register made of the fictional citizens that have a `bhxhCode` in the sandbox
 * fixture: a query matches when the insured person with that code has the ID number (their CMND or their `cccd`), the name
 * (`sameFullName`: case and spacing ignored, diacritics significant) and the birth date asked about.
 *
 * @example
 * ```ts
 * const register = await SandboxSocialInsuranceRegistry.fromFile(); // packages/server/fixtures/sandbox-citizens.json
 * await register.verifyInsuredPerson({ idNumber: '001090001234', bhxhCode: '0101234567', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05' }); // 'match'
 * ```
 */
export class SandboxSocialInsuranceRegistry implements SocialInsuranceRegistry {
  readonly #byCode: ReadonlyMap<string, SandboxCitizen>;

  constructor(citizens: readonly SandboxCitizen[]) {
    this.#byCode = new Map(citizens.filter((citizen) => citizen.bhxhCode !== undefined).map((citizen) => [citizen.bhxhCode!, citizen]));
  }

  /** Loads the citizens of a fixture file (the package's own by default). */
  static async fromFile(path?: string): Promise<SandboxSocialInsuranceRegistry> {
    return new SandboxSocialInsuranceRegistry(await readSandboxCitizens(path));
  }

  async verifyInsuredPerson(query: InsuredPersonQuery): Promise<InsuredPersonMatch> {
    const insured = this.#byCode.get(query.bhxhCode);
    const matches =
      insured !== undefined &&
      knownBy(insured, query.idNumber) &&
      insured.birthDate === query.birthDate &&
      sameFullName(insured.fullName, query.fullName);
    return matches ? 'match' : 'mismatch';
  }
}

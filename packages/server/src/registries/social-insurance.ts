/** What the service asks the social-insurance register: is this insured person the one described? */
export interface InsuredPersonQuery {
  /** Normalised ID number (digits only, CCCD or CMND). */
  readonly idNumber: string;
  /** The 10-digit social-insurance (BHXH) code. */
  readonly bhxhCode: string;
  /** NFC full name. */
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
}

/** The register's answer. */
export type InsuredPersonMatch = 'match' | 'mismatch';

/**
 * The social-insurance register (cơ sở dữ liệu bảo hiểm xã hội), checked at registration by social
 * insurance and at recovery when the phone is lost: the declared ID number, BHXH code, name and birth
 * date must all be the register's record of one insured person. The sandbox reads fictional citizens
 * from a fixture; an operator points the HTTP one at Vietnam Social Security's verification gateway.
 *
 * A register that cannot answer throws {@link RegistryUnavailableError} (503 `registry_unavailable`).
 */
export interface SocialInsuranceRegistry {
  /** Whether the register holds one insured person with exactly these details. */
  verifyInsuredPerson(query: InsuredPersonQuery): Promise<InsuredPersonMatch>;
}

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** A fictional citizen of the sandbox registries. */
export interface SandboxCitizen {
  /** The ID number registrations use: a 12-digit CCCD, or a 9-digit CMND. */
  readonly idNumber: string;
  /**
   * For a citizen whose `idNumber` is a 9-digit CMND: the 12-digit CCCD the registers also know
   * them by, the one a CMND account's holder adds.
   */
  readonly cccd?: string | undefined;
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164. */
  readonly phone: string;
  /** Other SIMs registered to the same person (E.164), e.g. the number a phone change moves to. */
  readonly otherPhones?: readonly string[] | undefined;
  readonly bhxhCode?: string | undefined;
  readonly email?: string | undefined;
}

const FixtureSchema = z.object({
  citizens: z.array(
    z.object({
      idNumber: z.string().regex(/^\d{9}(\d{3})?$/),
      cccd: z.string().regex(/^\d{12}$/).optional(),
      fullName: z.string().min(2),
      birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      phone: z.string().regex(/^\+84\d{9}$/),
      otherPhones: z.array(z.string().regex(/^\+84\d{9}$/)).optional(),
      bhxhCode: z.string().optional(),
      email: z.string().optional(),
    }),
  ),
});

/** Whether a register knows the citizen by this ID number: the one they registered with, or their `cccd`. */
export function knownBy(citizen: SandboxCitizen, idNumber: string): boolean {
  return citizen.idNumber === idNumber || (citizen.cccd !== undefined && citizen.cccd === idNumber);
}

/** The fixture shipped with the package: `fixtures/sandbox-citizens.json`. */
export const DEFAULT_SANDBOX_FIXTURE = fileURLToPath(new URL('../../fixtures/sandbox-citizens.json', import.meta.url));

/** Reads and checks a sandbox fixture file (`{ "citizens": [...] }`). */
export async function readSandboxCitizens(path: string = DEFAULT_SANDBOX_FIXTURE): Promise<SandboxCitizen[]> {
  const parsed = FixtureSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Sandbox fixture ${path} is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data.citizens;
}

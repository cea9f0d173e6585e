import { readFileSync } from 'node:fs';

/** A fictional citizen from the sandbox fixture, with the wire forms a portal sends. */
export interface Citizen {
  readonly idNumber: string;
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164, as stored. */
  readonly phone: string;
  /** National form, as typed. */
  readonly nationalPhone: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/sandbox-citizens.json', import.meta.url), 'utf8')) as { citizens: Omit<Citizen, 'nationalPhone'>[] };

/** Every sandbox citizen. */
export const CITIZENS: readonly Citizen[] = fixture.citizens.map((citizen) => ({ ...citizen, nationalPhone: `0${citizen.phone.slice(3)}` }));

/** Nguyễn Văn An, 001090001234, 05/09/1990, 0971234398. */
export const AN = CITIZENS[0]!;
/** Trần Thị Bích Ngọc, 079195004321, 12/03/1995, 0912345678. */
export const NGOC = CITIZENS[1]!;
/** Lê Hoàng Minh, 048203007788, 20/11/2003, 0901234567. */
export const MINH = CITIZENS[2]!;

/** A password every default rule accepts and that contains none of the citizens' data. */
export const PASSWORD = 'Sông-Hồng-2024';

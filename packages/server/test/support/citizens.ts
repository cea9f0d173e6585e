import { readFileSync } from 'node:fs';

/** A fictional citizen from the sandbox fixture, with the wire forms a portal sends. */
export interface Citizen {
  /** A 12-digit CCCD, or a 9-digit CMND. */
  readonly idNumber: string;
  /** For a CMND citizen: the CCCD the sandbox registers also know them by. */
  readonly cccd?: string;
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

/** Ngô Văn Bình, CMND 013456789 (CCCD 001075012345), 10/04/1975, 0977123456: registers with the CMND. */
export const BINH = CITIZENS.find((citizen) => citizen.idNumber === '013456789')!;
/** Đỗ Thị Hạnh, CMND 025678901 (CCCD 031182004567), 15/08/1982, 0912003344, BHXH 3101112223. */
export const HANH = CITIZENS.find((citizen) => citizen.idNumber === '025678901')!;

/** A password every default rule accepts and that contains none of the citizens' data. */
export const PASSWORD = 'Sông-Hồng-2024';

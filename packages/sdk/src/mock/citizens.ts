/**
 * One person in the mock's registers: the carrier's subscriber record, the social-insurance record
 * (when `bhxhCode` is set) and the population data a registration is matched against. Every value is
 * fictional.
 */
export interface MockCitizen {
  /** The number the person registers with: a 12-digit CCCD, or a 9-digit CMND. */
  readonly idNumber: string;
  /**
   * For a person whose `idNumber` is a 9-digit CMND: the 12-digit CCCD the registers also know them
   * by, the one the holder of a CMND account adds (`startCccdAddition`).
   */
  readonly cccd?: string;
  readonly fullName: string;
  /** ISO `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164, e.g. `+84971234398`. */
  readonly phone: string;
  /** Other SIMs registered to the same person at the carrier (E.164): a phone change may move to one. */
  readonly otherPhones?: readonly string[];
  readonly email?: string;
  /** 10-digit social-insurance (BHXH) code; without one the person is not in the social-insurance register. */
  readonly bhxhCode?: string;
}

/** An account that already exists in the mock when it starts: a citizen who can sign in. */
export interface MockAccount {
  /** The ID number the account registered with: one of the scenario's citizens' (for a CMND citizen, their CMND or their CCCD). */
  readonly idNumber: string;
  readonly password: string;
}

/**
 * The password of the accounts the mock starts with (see {@link MOCK_ACCOUNTS}). It meets the default
 * policy and contains none of its owner's data.
 */
export const MOCK_PASSWORD = 'Sông-Hồng-2024';

/**
 * Fictional citizens, the same people as the sandbox registries of the reference service
 * (`packages/server/fixtures/sandbox-citizens.json`). None of these numbers belongs to a real person.
 * Ngô Văn Bình (`013456789`) and Đỗ Thị Hạnh (`025678901`) hold old 9-digit CMNDs, with the CCCD the
 * registers also know them by.
 */
export const MOCK_CITIZENS: readonly MockCitizen[] = Object.freeze([
  { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398', otherPhones: ['+84961234398'], bhxhCode: '0101234567', email: 'an.nguyen@example.vn' },
  { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '+84912345678', bhxhCode: '7901234567' },
  { idNumber: '048203007788', fullName: 'Lê Hoàng Minh', birthDate: '2003-11-20', phone: '+84901234567', bhxhCode: '4801234567' },
  { idNumber: '031187000042', fullName: 'Phạm Thị Thu Hà', birthDate: '1987-01-01', phone: '+84321234567', bhxhCode: '3101234567' },
  { idNumber: '040088001357', fullName: 'Hoàng Đức Thắng', birthDate: '1988-06-30', phone: '+84861234567', bhxhCode: '4001234567' },
  { idNumber: '092199002468', fullName: 'Võ Thị Ánh Tuyết', birthDate: '1999-12-24', phone: '+84781234567', bhxhCode: '9201234567' },
  { idNumber: '038201009999', fullName: 'Đặng Quốc Bảo', birthDate: '2001-02-14', phone: '+84941234567', bhxhCode: '3801234567' },
  { idNumber: '026194005555', fullName: 'Bùi Thị Lan', birthDate: '1994-07-07', phone: '+84981234567', bhxhCode: '2601234567' },
  { idNumber: '013456789', cccd: '001075012345', fullName: 'Ngô Văn Bình', birthDate: '1975-04-10', phone: '+84977123456' },
  { idNumber: '025678901', cccd: '031182004567', fullName: 'Đỗ Thị Hạnh', birthDate: '1982-08-15', phone: '+84912003344', bhxhCode: '3101112223' },
  { idNumber: '036085003141', fullName: 'Vũ Minh Tuấn', birthDate: '1985-03-08', phone: '+84931234560', bhxhCode: '3609876543' },
  { idNumber: '027192006677', fullName: 'Lý Thị Mai', birthDate: '1992-05-18', phone: '+84886123456', bhxhCode: '2701234567' },
  { idNumber: '046200008899', fullName: 'Trương Quang Hiếu', birthDate: '2000-10-02', phone: '+84703456789', bhxhCode: '4601234567' },
  { idNumber: '052179001122', fullName: 'Mai Thị Hồng Nhung', birthDate: '1979-12-01', phone: '+84562345678', bhxhCode: '5201234567' },
]);

/**
 * The accounts the mock starts with: Nguyễn Văn An (`001090001234`) has registered, with
 * {@link MOCK_PASSWORD}; every other fixture citizen can still register.
 */
export const MOCK_ACCOUNTS: readonly MockAccount[] = Object.freeze([{ idNumber: '001090001234', password: MOCK_PASSWORD }]);

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { birthYearAgrees, isIdNumber, maskIdNumber, normalizeIdNumber, parseIdNumber, sexAgrees } from '../../src/identity/id-number.js';
import { CCCD_PLACE_CODES } from '../../src/identity/place-codes.js';

describe('parseIdNumber', () => {
  test('reads a 12-digit CCCD with place of birth registration, sex and birth year', () => {
    assert.deepEqual(parseIdNumber('001090001234'), {
      ok: true,
      kind: 'cccd',
      value: '001090001234',
      info: { placeCode: '001', sex: 'male', birthYear: 1990 },
    });
  });

  test('reads a female citizen born in the 2000s from digit 4 = 3', () => {
    const id = parseIdNumber('079305012345');
    assert.ok(id.ok && id.kind === 'cccd');
    assert.deepEqual(id.info, { placeCode: '079', sex: 'female', birthYear: 2005 });
  });

  test('decodes century and sex from digit 4 for every digit 0–9 (0/1 = 1900s … 8/9 = 2300s, even male, odd female)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...Object.keys(CCCD_PLACE_CODES)),
        fc.stringMatching(/^\d{2}$/),
        fc.stringMatching(/^\d{6}$/),
        (centuryDigit, place, yearDigits, random) => {
          // Decoded as of the year 2400, when every code stands for a year gone by.
          const id = parseIdNumber(`${place}${centuryDigit}${yearDigits}${random}`, new Date('2400-06-01T00:00:00Z'));
          assert.ok(id.ok && id.kind === 'cccd', `digit ${centuryDigit} must be readable`);
          const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300][centuryDigit]!;
          assert.equal(id.info.birthYear, century + Number(yearDigits));
          assert.equal(id.info.sex, centuryDigit % 2 === 0 ? 'male' : 'female');
          assert.equal(id.info.placeCode, place);
        },
      ),
    );
  });

  test('refuses a birth year still to come as id_number_century, judged on the year in Vietnam', () => {
    const today = new Date('2026-11-23T03:00:00Z');
    assert.deepEqual(parseIdNumber('001427004567', today), { ok: false, rule: 'id_number_century' }, '2127');
    assert.deepEqual(parseIdNumber('001227004567', today), { ok: false, rule: 'id_number_century' }, '2027');
    assert.ok(parseIdNumber('001226004567', today).ok, '2026');
    // 31/12/2026 17:00 UTC is already 1/1/2027 in Vietnam.
    assert.ok(parseIdNumber('001227004567', new Date('2026-12-31T17:00:00Z')).ok);
    assert.deepEqual(parseIdNumber('001227004567', new Date('2026-12-31T16:59:59Z')), { ok: false, rule: 'id_number_century' });
  });

  test('birthYearAgrees compares a CCCD\'s birth year with a date of birth, and passes what it cannot compare', () => {
    const born = (iso: string) => ({ ok: true, iso });
    assert.equal(birthYearAgrees(parseIdNumber('001090001234'), born('1990-09-05')), true);
    assert.equal(birthYearAgrees(parseIdNumber('001090001234'), born('1991-09-05')), false);
    assert.equal(birthYearAgrees(parseIdNumber('048203007788'), born('2003-11-20')), true);
    assert.equal(birthYearAgrees(parseIdNumber('012345678'), born('1991-01-01')), true, 'a CMND carries no year');
    assert.equal(birthYearAgrees(parseIdNumber('12345'), born('1991-01-01')), true, 'an unread ID number has its own rule');
    assert.equal(birthYearAgrees(parseIdNumber('001090001234'), { ok: false }), true, 'an unread date has its own rule');
  });

  test('reads a 9-digit CMND, kept as a sign-in alias, without decoding it', () => {
    assert.deepEqual(parseIdNumber('012345678'), { ok: true, kind: 'cmnd', value: '012345678' });
  });

  test('accepts the spaces, dots and dashes a citizen types between groups of digits', () => {
    const id = parseIdNumber(' 001 090-001.234 ');
    assert.ok(id.ok);
    assert.equal(id.value, '001090001234');
  });

  test('asks for the number when nothing is typed', () => {
    assert.deepEqual(parseIdNumber(''), { ok: false, rule: 'required' });
    assert.deepEqual(parseIdNumber('   '), { ok: false, rule: 'required' });
  });

  test('refuses numbers that are neither 9 nor 12 digits, or contain letters', () => {
    for (const input of ['12345', '0010900012', '00109000123', '0010900012345', '00109000123a', 'CCCD00109000', '１２３４５６７８a']) {
      assert.deepEqual(parseIdNumber(input), { ok: false, rule: 'id_number_format' }, input);
    }
  });
});

describe('normalizeIdNumber', () => {
  test('removes spaces, dots and dashes and keeps the digits in order', () => {
    assert.equal(normalizeIdNumber(' 001 203-004.567 '), '001203004567');
  });
});

describe('isIdNumber', () => {
  test('is true for a CCCD or CMND and false for anything else', () => {
    assert.equal(isIdNumber('001203004567'), true);
    assert.equal(isIdNumber('012345678'), true);
    assert.equal(isIdNumber('12345'), false);
    assert.equal(isIdNumber(''), false);
  });
});

test('an ID number is masked for display keeping its first and last three digits', () => {
  assert.equal(maskIdNumber('001090001234'), '001******234');
  assert.equal(maskIdNumber('123 456 789'), '123***789');
});

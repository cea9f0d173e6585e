import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatBirthDate, parseBirthDate } from '../../src/identity/birth-date.js';

const today = new Date('2026-03-15T10:00:00Z');

describe('parseBirthDate', () => {
  test('reads dd/mm/yyyy and gives the ISO form for the wire and the dd/mm/yyyy form for display', () => {
    assert.deepEqual(parseBirthDate('05/09/1990', today), { ok: true, iso: '1990-09-05', display: '05/09/1990' });
  });

  test('reads the wire form yyyy-mm-dd too', () => {
    assert.deepEqual(parseBirthDate('1990-09-05', today), { ok: true, iso: '1990-09-05', display: '05/09/1990' });
  });

  test('accepts dashes, dots, single-digit day and month, and surrounding spaces', () => {
    for (const input of ['05-09-1990', '05.09.1990', '5/9/1990', '  05/09/1990  ']) {
      const date = parseBirthDate(input, today);
      assert.ok(date.ok, input);
      assert.equal(date.iso, '1990-09-05', input);
    }
  });

  test('asks for the date when nothing is typed', () => {
    assert.deepEqual(parseBirthDate('', today), { ok: false, rule: 'required' });
    assert.deepEqual(parseBirthDate('   ', today), { ok: false, rule: 'required' });
  });

  test('refuses other layouts with date_format', () => {
    for (const input of ['1990/09/05', '05/09/90', '05091990', '5 September 1990', '1990-9-5', '05/09/1990x']) {
      assert.deepEqual(parseBirthDate(input, today), { ok: false, rule: 'date_format' }, input);
    }
  });

  test('refuses dates that are not on the calendar, including 29 February outside leap years', () => {
    for (const input of ['31/04/1990', '30/02/2000', '29/02/1900', '29/02/2023', '00/01/1990', '32/01/1990', '15/13/1990', '15/00/1990', '1990-02-30']) {
      assert.deepEqual(parseBirthDate(input, today), { ok: false, rule: 'date_invalid' }, input);
    }
  });

  test('accepts 29 February in a leap year', () => {
    assert.ok(parseBirthDate('29/02/2000', today).ok);
    assert.ok(parseBirthDate('29/02/2024', today).ok);
  });

  test('accepts a birth date of today and refuses tomorrow as in the future', () => {
    assert.ok(parseBirthDate('15/03/2026', today).ok);
    assert.deepEqual(parseBirthDate('16/03/2026', today), { ok: false, rule: 'date_future' });
    assert.deepEqual(parseBirthDate('01/01/2030', today), { ok: false, rule: 'date_future' });
  });

  test('refuses a birth year more than 150 years before today and accepts one exactly 150 years before', () => {
    assert.ok(parseBirthDate('01/01/1876', today).ok);
    assert.deepEqual(parseBirthDate('31/12/1875', today), { ok: false, rule: 'date_too_old' });
    assert.deepEqual(parseBirthDate('01/01/1800', today), { ok: false, rule: 'date_too_old' });
  });

  test('round-trips every real date from ISO to display and back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: today, noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const fromIso = parseBirthDate(iso, today);
        assert.ok(fromIso.ok, iso);
        assert.equal(fromIso.iso, iso);
        assert.deepEqual(parseBirthDate(fromIso.display, today), fromIso);
        assert.equal(formatBirthDate(iso), fromIso.display);
      }),
    );
  });
});

describe('formatBirthDate', () => {
  test('turns a stored ISO date into the dd/mm/yyyy form shown to citizens', () => {
    assert.equal(formatBirthDate('1990-09-05'), '05/09/1990');
  });
});

test('a birth date of today in Vietnam is accepted before 07:00 Vietnam time, when UTC is still yesterday', () => {
  // 2026-11-23 06:30 in Vietnam is 2026-11-22 23:30 UTC.
  const result = parseBirthDate('23/11/2026', new Date('2026-11-22T23:30:00Z'));
  assert.equal(result.ok, true);
});

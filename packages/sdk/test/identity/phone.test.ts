import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CARRIER_PREFIXES, maskPhone, parsePhone, type Carrier } from '../../src/identity/phone.js';

const allPrefixes = Object.entries(CARRIER_PREFIXES).flatMap(([carrier, prefixes]) =>
  prefixes.map((prefix) => ({ carrier: carrier as Carrier, prefix })),
);

describe('parsePhone', () => {
  test('reads a national number and gives the stored E.164 form, the national form and the carrier', () => {
    assert.deepEqual(parsePhone('0971234398'), { ok: true, e164: '+84971234398', national: '0971234398', carrier: 'viettel' });
  });

  test('reads the same number typed with spaces, dots, dashes, brackets, 84 or +84', () => {
    for (const input of ['097 123 4398', '097.123.4398', '097-123-4398', '(097) 123 4398', '84971234398', '+84971234398', '+84 97 123 4398']) {
      const phone = parsePhone(input);
      assert.ok(phone.ok, input);
      assert.equal(phone.e164, '+84971234398', input);
    }
  });

  test('knows the carrier of each prefix in the design (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile, Reddi, Itelecom)', () => {
    const expected: Record<string, Carrier> = {
      '032': 'viettel', '039': 'viettel', '086': 'viettel', '096': 'viettel', '098': 'viettel',
      '081': 'vinaphone', '085': 'vinaphone', '088': 'vinaphone', '091': 'vinaphone', '094': 'vinaphone',
      '070': 'mobifone', '076': 'mobifone', '079': 'mobifone', '089': 'mobifone', '090': 'mobifone', '093': 'mobifone',
      '052': 'vietnamobile', '056': 'vietnamobile', '058': 'vietnamobile', '092': 'vietnamobile',
      '059': 'gmobile', '099': 'gmobile',
      '055': 'reddi',
      '087': 'itelecom',
    };
    for (const [prefix, carrier] of Object.entries(expected)) {
      const phone = parsePhone(`${prefix}1234567`);
      assert.ok(phone.ok, prefix);
      assert.equal(phone.carrier, carrier, prefix);
    }
  });

  test('round-trips every carrier prefix with any 7 digits from national to E.164 and back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPrefixes), fc.stringMatching(/^\d{7}$/), ({ carrier, prefix }, rest) => {
        const national = `0${prefix}${rest}`;
        const fromNational = parsePhone(national);
        assert.ok(fromNational.ok);
        assert.equal(fromNational.e164, `+84${prefix}${rest}`);
        assert.equal(fromNational.carrier, carrier);
        const fromE164 = parsePhone(fromNational.e164);
        assert.deepEqual(fromE164, fromNational);
      }),
    );
  });

  test('asks for the number when nothing is typed', () => {
    assert.deepEqual(parsePhone(''), { ok: false, rule: 'required' });
    assert.deepEqual(parsePhone(' - '), { ok: false, rule: 'required' });
  });

  test('refuses short numbers, long numbers, letters, foreign country codes and 11-digit numbers of no converted prefix', () => {
    for (const input of ['097123439', '09712343988', '097123439a', '+85512345678', '0112345678901', '01101234567']) {
      assert.deepEqual(parsePhone(input), { ok: false, rule: 'phone_format' }, input);
    }
  });

  test('refuses well-formed numbers whose prefix belongs to no mobile carrier (e.g. landline 024)', () => {
    for (const input of ['0241234567', '0111234567', '0801234567', '+84201234567']) {
      assert.deepEqual(parsePhone(input), { ok: false, rule: 'phone_carrier' }, input);
    }
  });

  test('gives each prefix to exactly one carrier', () => {
    const prefixes = allPrefixes.map(({ prefix }) => prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });
});

describe('maskPhone', () => {
  test('shows the first three and last three digits of the national form, as the national portal does', () => {
    assert.equal(maskPhone('+84971234398'), '097****398');
    assert.equal(maskPhone('0971234398'), '097****398');
    assert.equal(maskPhone('097 123 4398'), '097****398');
  });

  test('hides a very short number completely', () => {
    assert.equal(maskPhone('12345'), '*****');
    assert.equal(maskPhone(''), '');
  });

  test('never reveals more than 6 digits of any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[\d .()-]{0,20}$/)), (input) => {
        const digitsShown = (maskPhone(input).match(/\d/g) ?? []).length;
        assert.ok(digitsShown <= 6, `${JSON.stringify(input)} → ${maskPhone(input)}`);
      }),
    );
  });

  test('reveals nothing of a valid number beyond its first three and last three digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPrefixes), fc.stringMatching(/^\d{7}$/), ({ prefix }, rest) => {
        const national = `0${prefix}${rest}`;
        assert.equal(maskPhone(`+84${prefix}${rest}`), `${national.slice(0, 3)}****${national.slice(-3)}`);
      }),
    );
  });
});

describe('parsePhone and the 2018 conversion to 10 digits', () => {
  test('refuses an old 11-digit number with the number it became', () => {
    const cases: Record<string, string> = {
      '01621234567': '0321234567', '0169 123 4567': '0391234567', '01201234567': '0701234567', '01211234567': '0791234567',
      '01221234567': '0771234567', '01261234567': '0761234567', '01281234567': '0781234567', '01231234567': '0831234567',
      '01241234567': '0841234567', '01251234567': '0851234567', '01271234567': '0811234567', '01291234567': '0821234567',
      '01861234567': '0561234567', '01881234567': '0581234567', '01991234567': '0591234567', '+84 162 123 4567': '0321234567',
    };
    for (const [input, suggestion] of Object.entries(cases)) {
      assert.deepEqual(parsePhone(input), { ok: false, rule: 'phone_converted', params: { suggestion } }, input);
      assert.ok(parsePhone(suggestion).ok, suggestion);
    }
  });

  test('reads +84 0…, 0084…, +84 (0)…, the nine digits alone, full-width digits and invisible characters', () => {
    for (const input of ['+84 0971234398', '0084 97 123 4398', '+84 (0) 97 123 4398', '971234398', '０９７１２３４３９８', '\u200B097\u00A0123\u00A04398\uFEFF']) {
      const phone = parsePhone(input);
      assert.ok(phone.ok, input);
      assert.equal(phone.e164, '+84971234398', input);
    }
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanPasted, compactDigits } from '../../src/identity/paste.js';
import { CCCD_PLACE_CODES } from '../../src/identity/place-codes.js';
import { parseIdNumber } from '../../src/identity/id-number.js';
import { CARRIER_PREFIXES, parsePhone } from '../../src/identity/phone.js';
import { parseBhxhCode } from '../../src/identity/bhxh.js';

const TODAY = new Date('2026-12-01T00:00:00Z');
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const SEPARATORS = [' ', '\u00A0', '\u202F', '\u3000', '.', '-', '\u2010', '\u2013', '\u2212', '\t'];

/** A digit in one of the forms a paste brings: plain or full-width. */
const widen = (digit: string) => String.fromCodePoint(0xff10 + Number(digit));

/** Any decoration of a string of digits: full-width digits, invisible characters and separators between them. */
function decorated(digits: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.array(fc.constantFrom(...INVISIBLES, ...SEPARATORS), { maxLength: 2 }), { minLength: digits.length + 1, maxLength: digits.length + 1 }),
    )
    .map(([wide, between]) => between[0]!.join('') + [...digits].map((digit, i) => (wide[i] ? widen(digit) : digit) + between[i + 1]!.join('')).join(''));
}

const cccd = fc
  .tuple(fc.constantFrom(...Object.keys(CCCD_PLACE_CODES)), fc.integer({ min: 0, max: 3 }), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{6}$/))
  .map(([place, century, year, random]) => `${place}${century}${year}${random}`)
  .filter((value) => parseIdNumber(value, TODAY).ok);
const subscriber = fc
  .tuple(fc.constantFrom(...Object.values(CARRIER_PREFIXES).flat()), fc.stringMatching(/^\d{7}$/))
  .map(([prefix, rest]) => `${prefix}${rest}`);

describe('what citizens paste into digit fields', () => {
  test('cleanPasted folds full-width digits and the no-break space, and drops invisible characters', () => {
    assert.equal(cleanPasted('\uFEFF０９７\u200B1234398'), '0971234398');
    assert.equal(cleanPasted('097\u00A0123'), '097 123');
    assert.equal(compactDigits(' 001 203\u00A0004-567 '), '001203004567');
  });

  test('any decoration of a valid CCCD number parses to the same number', () => {
    fc.assert(
      fc.property(cccd.chain((value) => fc.tuple(fc.constant(value), decorated(value))), ([value, pasted]) => {
        const id = parseIdNumber(pasted, TODAY);
        assert.ok(id.ok, JSON.stringify(pasted));
        assert.equal(id.value, value);
      }),
    );
  });

  test('nothing parses to an ID number that is not 9 or 12 plain digits with a province code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), cccd.chain(decorated).map((s) => s.replace(/\d/, 'x'))), (input) => {
        const id = parseIdNumber(input, TODAY);
        if (!id.ok) return;
        assert.match(id.value, /^(\d{9}|\d{12})$/);
        if (id.kind === 'cccd') assert.ok(id.value.slice(0, 3) in CCCD_PLACE_CODES);
      }),
    );
  });

  test('any decoration of a valid mobile number, in any of the forms citizens write it, parses to the same number', () => {
    const forms = (digits: string) => [`0${digits}`, `84${digits}`, `+84${digits}`, `+840${digits}`, `0084${digits}`, `+84(0)${digits}`, digits];
    fc.assert(
      fc.property(
        subscriber.chain((digits) => fc.tuple(fc.constant(digits), fc.constantFrom(...forms(digits)))).chain(([digits, form]) =>
          fc.tuple(fc.constant(digits), fc.constant(form.slice(0, form.indexOf(digits))), decorated(digits)),
        ),
        ([digits, lead, pasted]) => {
          const phone = parsePhone(`${lead} ${pasted}`);
          assert.ok(phone.ok, JSON.stringify(`${lead} ${pasted}`));
          assert.equal(phone.e164, `+84${digits}`);
        },
      ),
    );
  });

  test('nothing parses to a phone that is not +84 and nine digits of a carrier prefix', () => {
    const prefixes = new Set(Object.values(CARRIER_PREFIXES).flat());
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (input) => {
        const phone = parsePhone(input);
        if (!phone.ok) return;
        assert.match(phone.e164, /^\+84\d{9}$/);
        assert.equal(phone.national, `0${phone.e164.slice(3)}`);
        assert.ok(prefixes.has(phone.e164.slice(3, 5)));
      }),
    );
  });

  test('any decoration of a BHXH code parses to the same code; nothing else parses', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/).chain((code) => fc.tuple(fc.constant(code), decorated(code))), ([code, pasted]) => {
        assert.deepEqual(parseBhxhCode(pasted), { ok: true, value: code });
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (input) => {
        const code = parseBhxhCode(input);
        if (code.ok) assert.match(code.value, /^\d{10}$/);
      }),
    );
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TaxCodeField } from '../../src/contract/signatures.js';
import { parseTaxCode } from '../../src/identity/tax-code.js';

test('a tax code is 10 digits, or 13 for a branch written with its dash; pasted spaces, dots and dashes are read through', () => {
  assert.deepEqual(parseTaxCode('0101234567'), { ok: true, value: '0101234567' });
  assert.deepEqual(parseTaxCode(' 0101 234 567 '), { ok: true, value: '0101234567' });
  assert.deepEqual(parseTaxCode('0101234567-001'), { ok: true, value: '0101234567-001' });
  assert.deepEqual(parseTaxCode('0101234567 – 001'), { ok: true, value: '0101234567-001' });
  assert.deepEqual(parseTaxCode('\uFEFF０１０１２３４５６７'), { ok: true, value: '0101234567' });
});

test('a tax code with another number of digits, or letters, is refused; an empty one is required', () => {
  assert.deepEqual(parseTaxCode(''), { ok: false, rule: 'required' });
  assert.deepEqual(parseTaxCode(' - '), { ok: false, rule: 'required' });
  for (const input of ['010123456', '01012345678', '0101234567-01', '0101234567-0011', 'MST0101234567', '01012345a7']) {
    assert.deepEqual(parseTaxCode(input), { ok: false, rule: 'tax_code_format' }, input);
  }
});

test('what parseTaxCode accepts the contract’s taxCode field accepts as it is, and the other way round', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ' ', '.', 'a'), maxLength: 16 }), (input) => {
      const parsed = parseTaxCode(input);
      if (parsed.ok) assert.ok(TaxCodeField.safeParse(parsed.value).success, parsed.value);
      if (TaxCodeField.safeParse(input).success) assert.deepEqual(parsed, { ok: true, value: input });
    }),
  );
});

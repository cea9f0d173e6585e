import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CCCD_PLACE_CODES } from '../../src/identity/place-codes.js';
import { isCccdPlaceCode, parseIdNumber, sexAgrees } from '../../src/identity/id-number.js';

describe('CCCD place codes (Circular 59/2021/TT-BCA)', () => {
  test('holds the 63 province codes, not contiguous, with their names and diacritics', () => {
    assert.equal(Object.keys(CCCD_PLACE_CODES).length, 63);
    assert.equal(CCCD_PLACE_CODES['001'], 'Hà Nội');
    assert.equal(CCCD_PLACE_CODES['046'], 'Thừa Thiên Huế');
    assert.equal(CCCD_PLACE_CODES['096'], 'Cà Mau');
    for (const missing of ['000', '003', '005', '039', '097', '099', '100']) assert.ok(!(missing in CCCD_PLACE_CODES), missing);
    for (const code of Object.keys(CCCD_PLACE_CODES)) assert.match(code, /^0\d\d$/);
  });

  test('the parser\'s code set (kept without names for the widget) is exactly the named table', () => {
    for (let n = 0; n < 1000; n++) {
      const code = String(n).padStart(3, '0');
      assert.equal(isCccdPlaceCode(code), code in CCCD_PLACE_CODES, code);
    }
  });

  test('a CCCD number must start with one of them', () => {
    assert.deepEqual(parseIdNumber('003090001234'), { ok: false, rule: 'id_number_province' });
    assert.deepEqual(parseIdNumber('999090001234'), { ok: false, rule: 'id_number_province' });
    const id = parseIdNumber('048203007788');
    assert.ok(id.ok && id.kind === 'cccd');
    assert.equal(CCCD_PLACE_CODES[id.info.placeCode], 'Đà Nẵng');
  });

  test('sexAgrees compares digit 4 with a sex when one is given, and passes what it cannot compare', () => {
    assert.equal(sexAgrees(parseIdNumber('079195004321'), 'female'), true);
    assert.equal(sexAgrees(parseIdNumber('079195004321'), 'male'), false);
    assert.equal(sexAgrees(parseIdNumber('001090001234'), 'male'), true);
    assert.equal(sexAgrees(parseIdNumber('079305012345'), 'female'), true, 'digit 4 = 3: female, 2000s');
    assert.equal(sexAgrees(parseIdNumber('048203007788'), 'female'), false, 'digit 4 = 2: male, 2000s');
    assert.equal(sexAgrees(parseIdNumber('079195004321'), undefined), true, 'the form does not ask for it today');
    assert.equal(sexAgrees(parseIdNumber('012345678'), 'male'), true, 'a CMND carries no sex');
  });
});

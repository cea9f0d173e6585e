import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPassword, policyRules, type PasswordContext } from '../../src/password/check.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../src/password/policy.js';

const policy = DEFAULT_PASSWORD_POLICY;
const citizen: PasswordContext = {
  idNumber: '001090001234',
  phone: '+84971234398',
  birthDate: '05/09/1990',
  fullName: 'Nguyễn Văn Phước',
};
const lengthOnly: PasswordPolicy = {
  ...DEFAULT_PASSWORD_POLICY,
  requireLower: false,
  requireUpper: false,
  requireDigit: false,
  requireSpecial: false,
  rejectCommon: false,
  rejectPersonalData: false,
};

describe('checkPassword against the national portal rule', () => {
  test('accepts 8+ characters with lower case, upper case, digit and special character', () => {
    assert.deepEqual(checkPassword('Sông-Hồng-2024', policy), { ok: true, unmet: [] });
    assert.deepEqual(checkPassword('Xuân-Quỳnh-7', policy), { ok: true, unmet: [] });
  });

  test('lists every unmet rule at once, in display order', () => {
    assert.deepEqual(checkPassword('matkhau', policy).unmet, ['min_length', 'upper', 'digit', 'special', 'common']);
    assert.deepEqual(checkPassword('', policy).unmet, ['min_length', 'lower', 'upper', 'digit', 'special']);
    assert.deepEqual(checkPassword('MATKHAU1', policy).unmet, ['lower', 'special', 'common']);
    assert.deepEqual(checkPassword('XUÂNQUỲNH7', policy).unmet, ['lower', 'special']);
  });

  test('counts Vietnamese letters as lower and upper case', () => {
    assert.deepEqual(checkPassword('ĐÀNẴNG-HỘIAN-2024', policy).unmet, ['lower']);
    assert.deepEqual(checkPassword('đànẵng-hộian-2024', policy).unmet, ['upper']);
  });

  test('does not count a space as a special character', () => {
    assert.deepEqual(checkPassword('Song Hong 2024', policy).unmet, ['special']);
  });

  test('counts characters in code points, so a letter outside the BMP (two UTF-16 units) counts once', () => {
    const astral = '𝒜'; // one code point, two UTF-16 units
    assert.ok(!checkPassword(`${astral.repeat(4)}Ab1!`, policy).unmet.includes('min_length'));
    assert.ok(!checkPassword(`Ab1!${astral.repeat(124)}`, policy).unmet.includes('max_length'));
  });

  test('refuses line breaks and control characters', () => {
    for (const password of ['Sông-Hồng\n2024', 'Sông-Hồng\t2024', 'Sông-Hồng\u00002024', 'Sông-Hồng\u20282024']) {
      assert.deepEqual(checkPassword(password, policy).unmet, ['control'], JSON.stringify(password));
    }
  });

  test('counts 128 emoji (256 UTF-16 units) as 128 characters, and refuses the 129th', () => {
    const emoji = '😀';
    assert.ok(!checkPassword(`Ab1!${emoji.repeat(124)}`, policy).unmet.includes('max_length'));
    assert.ok(checkPassword(`Ab1!${emoji.repeat(125)}`, policy).unmet.includes('max_length'));
  });

  test('refuses more than 128 characters instead of truncating', () => {
    const exactly128 = `Ab1!${'x'.repeat(124)}`;
    assert.deepEqual(checkPassword(exactly128, policy), { ok: true, unmet: [] });
    assert.deepEqual(checkPassword(`${exactly128}y`, policy).unmet, ['max_length']);
  });

  test('refuses a common password that meets the composition rule, whatever its case', () => {
    assert.deepEqual(checkPassword('P@ssw0rd', policy).unmet, ['common']);
    assert.deepEqual(checkPassword('Matkhau@123', policy).unmet, ['common']);
    assert.deepEqual(checkPassword('DichVuCong@123', policy).unmet, ['common']);
  });

  test('compares in NFC: a password typed with combining marks equals its precomposed confirmation', () => {
    const typed = 'Sông-Hồng-2024'.normalize('NFD');
    assert.deepEqual(checkPassword(typed, policy, {}, 'Sông-Hồng-2024'), { ok: true, unmet: [] });
  });

  test('reports mismatch when the confirmation differs, and only when a confirmation is given', () => {
    assert.deepEqual(checkPassword('Sông-Hồng-2024', policy, {}, 'Sông-Hồng-2025').unmet, ['mismatch']);
    assert.deepEqual(checkPassword('Sông-Hồng-2024', policy, {}, '').unmet, ['mismatch']);
    assert.deepEqual(checkPassword('Sông-Hồng-2024', policy).unmet, []);
  });

  test('never reports min_length for a password of at least minLength code points after NFC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), (minLength, password) => {
        const custom = { ...lengthOnly, minLength };
        const length = [...password.normalize('NFC')].length;
        fc.pre(length >= minLength);
        assert.ok(!checkPassword(password, custom).unmet.includes('min_length'));
      }),
    );
  });

  test('always reports min_length for a password shorter than minLength code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 7 }), (password) => {
        assert.ok(checkPassword(password, policy).unmet.includes('min_length'));
      }),
    );
  });
});

describe('checkPassword refuses the citizen’s own data', () => {
  test('refuses a password containing the ID number, even typed with spaces or dots', () => {
    assert.deepEqual(checkPassword('Cccd@001090001234', policy, citizen).unmet, ['personal_data']);
    assert.deepEqual(checkPassword('Cccd@001.090.001.234', policy, citizen).unmet, ['personal_data']);
  });

  test('refuses a password containing the phone number in national or international form', () => {
    assert.deepEqual(checkPassword('Sdt@0971234398', policy, citizen).unmet, ['personal_data']);
    assert.deepEqual(checkPassword('Sdt@+84971234398', policy, citizen).unmet, ['personal_data']);
  });

  test('refuses a password containing the birth date as ddmmyyyy, yyyymmdd or ddmmyy', () => {
    for (const password of ['Sinh@05091990', 'Sinh@19900905', 'Sinh@050990x', 'Sinh@05/09/1990']) {
      assert.deepEqual(checkPassword(password, policy, citizen).unmet, ['personal_data'], password);
    }
  });

  test('reads the birth date in the wire form yyyy-mm-dd as well as dd/mm/yyyy', () => {
    const wire = { birthDate: '1990-09-05' };
    assert.deepEqual(checkPassword('Sinh@05091990', policy, wire).unmet, ['personal_data']);
    assert.deepEqual(checkPassword('Sinh@19900905', policy, wire).unmet, ['personal_data']);
  });

  test('ignores a birth date that is not a real date rather than guessing', () => {
    assert.deepEqual(checkPassword('Sinh@30021990', policy, { birthDate: '30/02/1990' }).unmet, []);
    assert.deepEqual(checkPassword('Sinh@30021990', policy, { birthDate: '1990-02-30' }).unmet, []);
  });

  test('refuses the full name and the given name with or without diacritics, in any case', () => {
    for (const password of ['NguyễnVănPhước@1', 'Nguyen van phuoc 1!', 'NGUYENVANPHUOCx#9', 'Phước@2024', 'Phuoc@2024']) {
      assert.deepEqual(checkPassword(password, policy, citizen).unmet, ['personal_data'], password);
    }
  });

  test('folds đ to d when comparing names', () => {
    assert.deepEqual(checkPassword('Dung#2024abc', policy, { fullName: 'Trần Thị Đung' }).unmet, ['personal_data']);
  });

  test('ignores given names shorter than 3 letters, which would refuse too much', () => {
    assert.deepEqual(checkPassword('Anh-An-2024', policy, { fullName: 'Lê Văn An' }).unmet, []);
  });

  test('accepts a password that contains none of the citizen’s data', () => {
    assert.deepEqual(checkPassword('Sông-Hồng-2024', policy, citizen), { ok: true, unmet: [] });
  });

  test('does not look for personal data when the policy turns the rule off', () => {
    assert.deepEqual(checkPassword('Cccd@001090001234', { ...policy, rejectPersonalData: false }, citizen).unmet, []);
  });
});

describe('checkPassword with a policy that drops composition rules (ASVS / NIST advice)', () => {
  test('asks only for length when composition and list checks are off', () => {
    assert.deepEqual(checkPassword('correct horse battery staple', lengthOnly), { ok: true, unmet: [] });
    assert.deepEqual(checkPassword('p@ssw0rd', lengthOnly), { ok: true, unmet: [] });
    assert.deepEqual(checkPassword('short', lengthOnly).unmet, ['min_length']);
  });
});

describe('policyRules', () => {
  test('lists the checklist a widget shows for the national portal rule', () => {
    assert.deepEqual(policyRules(policy), ['min_length', 'lower', 'upper', 'digit', 'special']);
  });

  test('lists only length when composition rules are dropped', () => {
    assert.deepEqual(policyRules(lengthOnly), ['min_length']);
  });
});

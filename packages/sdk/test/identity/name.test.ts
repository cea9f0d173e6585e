import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isSingleScript, normalizeFullName, parseFullName, sameFullName } from '../../src/identity/name.js';

const decomposed = 'Nguyễn Văn An'.normalize('NFD');

describe('normalizeFullName', () => {
  test('trims the name and collapses inner spaces, keeping diacritics', () => {
    assert.equal(normalizeFullName('  Nguyễn   Văn An '), 'Nguyễn Văn An');
    assert.equal(normalizeFullName('Trần\tThị\u00a0Bích  Ngọc'), 'Trần Thị Bích Ngọc');
  });

  test('turns a name typed with combining marks into the precomposed (NFC) form', () => {
    assert.notEqual(decomposed, 'Nguyễn Văn An');
    assert.equal(normalizeFullName(decomposed), 'Nguyễn Văn An');
  });
});

describe('parseFullName', () => {
  test('accepts Vietnamese names with every diacritic and đ/Đ', () => {
    for (const name of ['Trần Thị Bích Ngọc', 'Đặng Hữu Phước', 'Lê Ư', 'Huỳnh Thị Ánh Nguyệt', 'Ngô Bảo Châu', 'Phạm Quỳnh Anh']) {
      assert.deepEqual(parseFullName(name), { ok: true, value: name }, name);
    }
  });

  test('accepts apostrophes and hyphens inside a name (ethnic-minority and foreign names)', () => {
    assert.ok(parseFullName("H'Hen Niê").ok);
    assert.ok(parseFullName('Marie-Claire Nguyễn').ok);
  });

  test('gives back the normalised form', () => {
    assert.deepEqual(parseFullName(`  ${decomposed}  `), { ok: true, value: 'Nguyễn Văn An' });
  });

  test('asks for the name when nothing is typed', () => {
    assert.deepEqual(parseFullName(''), { ok: false, rule: 'required' });
    assert.deepEqual(parseFullName('   '), { ok: false, rule: 'required' });
  });

  test('refuses digits, symbols and a name that starts with a hyphen or apostrophe', () => {
    for (const name of ['R2-D2', 'Nguyễn Văn An 2', 'An@home', '-An', "'An", 'Nguyễn.Văn.An', '<b>An</b>']) {
      assert.deepEqual(parseFullName(name), { ok: false, rule: 'name_characters' }, name);
    }
  });

  test('refuses names shorter than 2 or longer than 100 characters', () => {
    assert.deepEqual(parseFullName('A'), { ok: false, rule: 'name_length' });
    assert.ok(parseFullName('An').ok);
    assert.ok(parseFullName('a'.repeat(100)).ok);
    assert.deepEqual(parseFullName('a'.repeat(101)), { ok: false, rule: 'name_length' });
  });
});

describe('parseFullName on pasted and mixed-script names', () => {
  test('refuses line breaks, tabs and other control characters inside a name, with their own rule', () => {
    for (const name of ['Nguyễn\nVăn An', 'Nguyễn\r\nVăn An', 'Nguyễn\tVăn An', 'Nguyễn\u2028Văn An', 'Nguyễn Văn\u0000An', 'Nguyễn \u202EnA năV']) {
      assert.deepEqual(parseFullName(name), { ok: false, rule: 'name_control' }, JSON.stringify(name));
    }
  });

  test('drops invisible characters and reads the no-break space as a space', () => {
    assert.deepEqual(parseFullName('\uFEFFNguyễn\u00A0Văn\u200B An\n'), { ok: true, value: 'Nguyễn Văn An' });
  });

  test('accepts a name in one script other than Latin', () => {
    for (const name of ['Иван Петров', 'Αλέξανδρος', '王小明', '山田 はなこ', '김민준', 'สมชาย']) assert.ok(parseFullName(name).ok, name);
  });

  test('refuses a name that mixes scripts, such as Latin with Cyrillic look-alikes', () => {
    for (const name of ['Nguyễn V\u0430n An', 'Ng\u03BFc Anh', 'Trần 小明']) {
      assert.deepEqual(parseFullName(name), { ok: false, rule: 'name_script' }, name);
    }
  });
});

describe('isSingleScript', () => {
  test('counts the Japanese (Han with kana) and Korean (Han with Hangul) mixes as one writing system, and no other mix', () => {
    assert.equal(isSingleScript('山田 はなこ'), true, 'Han + Hiragana');
    assert.equal(isSingleScript('山田 ハナコ'), true, 'Han + Katakana');
    assert.equal(isSingleScript('やまだ ハナコ'), true, 'Hiragana + Katakana');
    assert.equal(isSingleScript('山田 はな ハナコ'), true, 'Han + Hiragana + Katakana');
    assert.equal(isSingleScript('金 민준'), true, 'Han + Hangul');
    assert.equal(isSingleScript('민준 はな'), false, 'Hangul + Hiragana');
    assert.equal(isSingleScript('金 민준 はな'), false, 'Han + Hangul + Hiragana');
    assert.equal(isSingleScript('Nguyễn 山田'), false, 'Latin + Han');
  });

  test('counts each letter of a script it does not list as a script of its own', () => {
    assert.equal(isSingleScript('ააა'), true, 'one Georgian letter, repeated');
    assert.equal(isSingleScript('აბ'), false, 'two Georgian letters');
    assert.equal(isSingleScript('An ა'), false, 'Latin + Georgian');
  });
});

describe('sameFullName', () => {
  test('matches names that differ only in case, spacing or Unicode composition', () => {
    assert.equal(sameFullName('NGUYỄN VĂN AN', 'Nguyễn Văn An'), true);
    assert.equal(sameFullName(' Nguyễn  Văn An', decomposed), true);
    assert.equal(sameFullName('ĐẶNG HỮU PHƯỚC', 'đặng hữu phước'), true);
  });

  test('keeps diacritics significant: Lê and Le are different names', () => {
    assert.equal(sameFullName('Lê Văn Tám', 'Le Van Tam'), false);
    assert.equal(sameFullName('Đặng Văn An', 'Dặng Văn An'), false);
  });
});

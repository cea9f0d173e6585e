import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DEFAULT_PASSWORD_POLICY } from '@dvc-kit/sdk';
import { checkNewPassword } from '../../src/passwords/check-new-password.js';
import { guessabilityScore, loadGuessability, parseWordLists, VIETNAMESE_WORDS_FILE } from '../../src/passwords/guessability.js';

const policy = DEFAULT_PASSWORD_POLICY;
const ngoc = { idNumber: '079195004321', phone: '+84912345678', birthDate: '1995-03-12', fullName: 'Trần Thị Bích Ngọc' };
const check = (password: string, minScore = 3, confirmation: string | undefined = password) => checkNewPassword(password, policy, ngoc, confirmation, { minScore });

describe('the service refuses guessable passwords', () => {
  test('refuses as guessable the classic passwords the composition rule lets through, seen through capitals, substitutions and suffixes', async () => {
    for (const password of ['Password@123', 'P@ssw0rd1!', 'Matkhau@2024', 'Anhyeuem@1', 'Hanoi@2024', 'Nguyen@123', 'Emyeuanh@99', 'Hoabinh#2025', 'Qwerty@123', 'Saigon@2024']) {
      assert.deepEqual(await check(password), { ok: false, unmet: ['guessable'] }, password);
    }
  });

  test('lets long passphrases and random passwords through', async () => {
    for (const password of ['Sông-Hồng-2024', 'Mây-Trắng-77', 'Ba con mèo trèo cây cau!1', 'correct Horse battery staple 9!', 'Xy7#mQ2pLk!v']) {
      assert.deepEqual(await check(password), { ok: true, unmet: [] }, password);
    }
  });

  test('keeps the other rules: personal data and composition come from the SDK, and the estimate waits for them', async () => {
    assert.deepEqual((await check('Ngoc@1995x')).unmet, ['personal_data']);
    assert.deepEqual((await check('matkhau')).unmet, ['min_length', 'upper', 'digit', 'special', 'common']);
    assert.deepEqual((await check('Hanoi@2024', 3, 'Hanoi@2025')).unmet, ['guessable', 'mismatch']);
  });

  test('a minimum score of 0 turns the estimate off; the short list still answers', async () => {
    assert.deepEqual((await check('Hoabinh@2024', 0)).unmet, []);
    assert.deepEqual((await check('Matkhau@2024', 0)).unmet, ['common']);
  });

  test('counts the citizen\'s own words as known: a name with decoration scores low', async () => {
    assert.ok((await guessabilityScore('Bichngoc@2024', ngoc)) < 3);
  });

  test('loads the estimator once and shares it', async () => {
    assert.equal(loadGuessability(), loadGuessability());
    const started = performance.now();
    await guessabilityScore('Sông-Hồng-2024');
    // Not a benchmark: only a guard that a warm check is not another load.
    assert.ok(performance.now() - started < 1000);
  });

  test('the Vietnamese word lists are a few hundred lower-case words without diacritics, each list short enough to rank its words high', async () => {
    const lists = parseWordLists(await readFile(VIETNAMESE_WORDS_FILE, 'utf8'));
    assert.deepEqual(Object.keys(lists), ['vi-passwords', 'vi-family-names', 'vi-given-names', 'vi-places']);
    for (const [name, list] of Object.entries(lists)) assert.ok(list.length <= 250, `${name}: ${list.length}`);
    const words = Object.values(lists).flat();
    assert.ok(words.length >= 300 && words.length <= 1000, `${words.length} words`);
    for (const word of words) assert.match(word, /^[a-z]+$/, word);
    for (const word of ['matkhau', 'anhyeuem', 'emyeuanh', 'nguyen', 'hanoi', 'hochiminh', 'camau']) assert.ok(words.includes(word), word);
  });
});

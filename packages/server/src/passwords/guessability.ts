import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PasswordContext } from '@dvc-kit/sdk';

/** The Vietnamese word list shipped with the package: `data/vietnamese-words.txt`. */
export const VIETNAMESE_WORDS_FILE = fileURLToPath(new URL('../../data/vietnamese-words.txt', import.meta.url));

/** Scores a password from 0 (guessed at once) to 4 (very unlikely), given words of its owner. */
export type GuessabilityEstimator = (password: string, userInputs: readonly string[]) => number;

/**
 * Reads the word lists of a file: one lower-case word a line, `## name` starting a list of its own,
 * other `#` lines comments, blank lines ignored, repeats within a list dropped (the first place
 * counts: zxcvbn ranks a word by its place in its list).
 */
export function parseWordLists(text: string): Record<string, string[]> {
  const lists: Record<string, Set<string>> = {};
  let current = 'vietnamese';
  for (const raw of text.split('\n')) {
    const line = raw.trim().toLowerCase();
    if (line.startsWith('##')) current = line.slice(2).trim();
    else if (line !== '' && !line.startsWith('#')) (lists[current] ??= new Set()).add(line);
  }
  return Object.fromEntries(Object.entries(lists).map(([name, words]) => [name, [...words]]));
}

let loading: Promise<GuessabilityEstimator> | undefined;

/**
 * The guessability estimator, built once on first use and shared: zxcvbn-ts with its common
 * dictionaries (about 49,000 passwords and the diceware words), the keyboard graphs for patterns
 * like `qwerty` and `1qaz2wsx`, and the Vietnamese word list ({@link VIETNAMESE_WORDS_FILE}).
 * zxcvbn sees through capitals, l33t substitutions, reversed words, dates and appended digits or
 * symbols by itself. Loading takes about 150 ms and a few MB, so it waits for the first new
 * password instead of every start; a failed load is tried again on the next call.
 */
export function loadGuessability(): Promise<GuessabilityEstimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, { dictionary, adjacencyGraphs }, wordList] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      readFile(VIETNAMESE_WORDS_FILE, 'utf8'),
    ]);
    // No Levenshtein matching: it costs about 50 ms a check for little gain over the l33t and
    // suffix matching, and would make each new password as slow as an argon2 hash.
    const zxcvbn = new ZxcvbnFactory({ dictionary: { ...dictionary, ...parseWordLists(wordList) }, graphs: adjacencyGraphs });
    return (password: string, userInputs: readonly string[]) => zxcvbn.check(password, [...userInputs]).score;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The citizen's own words, given to zxcvbn so a password built on them scores as guessable. */
export function userInputsOf(context: PasswordContext): string[] {
  const inputs: string[] = [];
  if (context.idNumber) inputs.push(context.idNumber);
  if (context.phone) inputs.push(context.phone.replace(/^\+84/, '0'));
  if (context.birthDate) inputs.push(...context.birthDate.split(/[-/.]/));
  if (context.fullName) {
    const parts = fold(context.fullName).split(/\s+/).filter(Boolean);
    // Each name and the joins a citizen types: `bichngoc`, `thibichngoc`, `tranthibichngoc`.
    inputs.push(...parts);
    for (let start = parts.length - 2; start >= 0; start--) inputs.push(parts.slice(start).join(''));
  }
  return inputs;
}

/**
 * The zxcvbn score (0–4) of a password, counting the citizen's own data as known words.
 *
 * @example
 * ```ts
 * await guessabilityScore('Matkhau@2024'); // 2: a Vietnamese word, a capital and a year
 * await guessabilityScore('ba con mèo trèo cây cau'); // 4
 * ```
 */
export async function guessabilityScore(password: string, context: PasswordContext = {}): Promise<number> {
  const estimate = await loadGuessability();
  return estimate(password.normalize('NFC'), userInputsOf(context));
}

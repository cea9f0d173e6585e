import type { Catalogue } from './catalogue.js';
import { enFirstStep } from './en-first-step.js';
import { enLater } from './en-later.js';

/**
 * The SDK's English texts of the rules and problems a widget meets on its own travel with the later English
 * strings: a first step shows none. The service words every other rule and problem (a field error's
 * `message`, a problem's `detail`), in the language the widget asked for.
 */
export { localProblemsEn, localRulesEn } from '@dvc-kit/sdk';

/**
 * English, with `lang="en"`: the strings of the first step ({@link enFirstStep}, fetched as soon as a widget
 * speaks English) and those of the later steps ({@link enLater}, fetched when one is needed in English).
 */
export const en: Catalogue = { ...enFirstStep, ...enLater };

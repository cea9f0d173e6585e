import type { Catalogue } from './catalogue.js';
import { viFirstStep } from './vi-first-step.js';
import { viLater } from './vi-later.js';

/**
 * Vietnamese, the widgets' default language: the strings of the first step (in the core of the bundle)
 * and those of the later steps (fetched with them).
 */
export const vi: Catalogue = { ...viFirstStep, ...viLater };

/**
 * The SDK's Vietnamese texts of the rules and problems a widget meets on its own travel with the later
 * strings: a first step shows none. The service words every other rule and problem (`message`, `detail`).
 */
export { localProblemsVi, localRulesVi } from '@dvc-kit/sdk';

import type { Catalogue } from './catalogue.js';
import { viFirstStep } from './vi-first-step.js';
import { viLater } from './vi-later.js';

/**
 * Vietnamese, the widgets' default language: the strings of the first step (in the core of the bundle)
 * and those of the later steps (fetched with them).
 */
export const vi: Catalogue = { ...viFirstStep, ...viLater };

/** The SDK's Vietnamese rule and problem texts travel with the later strings: a first step shows none. */
export { problemsVi, rulesVi } from '@dvc-kit/sdk';

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly description?: string;
  readonly attributes?: ReadonlyArray<{ readonly name: string; readonly description?: string }>;
  readonly events?: ReadonlyArray<{ readonly name: string; readonly description?: string; readonly type?: { readonly text: string } }>;
  readonly slots?: ReadonlyArray<{ readonly name: string }>;
  readonly cssParts?: ReadonlyArray<{ readonly name: string; readonly description?: string }>;
  readonly cssProperties?: ReadonlyArray<{ readonly name: string; readonly description?: string }>;
}

function elements(): Map<string, Declaration> {
  const manifest = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@dvc-kit/elements/custom-elements.json')), 'utf8')) as {
    modules: ReadonlyArray<{ declarations?: readonly Declaration[] }>;
  };
  const found = new Map<string, Declaration>();
  for (const module of manifest.modules) for (const declaration of module.declarations ?? []) if (declaration.tagName) found.set(declaration.tagName, declaration);
  return found;
}

/** Type-checks a framework fixture; the fixtures hold `@ts-expect-error` lines, so wrong typings fail too. */
async function typeCheck(tool: 'tsc' | 'vue-tsc', project: string): Promise<void> {
  try {
    await run('npx', [tool, '-p', project], { cwd: root, timeout: 120_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    assert.fail(`${tool} -p ${project} found errors:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

describe('framework-ready elements', () => {
  test('custom-elements.json describes every element with its tag, attributes, typed events, slots, parts and custom properties', () => {
    const found = elements();
    assert.deepEqual([...found.keys()].sort(), ['dvc-account', 'dvc-assurance-gate', 'dvc-human-check', 'dvc-login', 'dvc-method-picker', 'dvc-otp-input', 'dvc-password-field', 'dvc-phone-recovery', 'dvc-recovery', 'dvc-register', 'dvc-signature']);
    for (const tag of ['dvc-login', 'dvc-register', 'dvc-recovery', 'dvc-phone-recovery', 'dvc-account', 'dvc-signature']) {
      const element = found.get(tag)!;
      const attributes = element.attributes?.map((a) => a.name) ?? [];
      for (const name of ['service', 'client-id', 'forgot-password-href']) assert.ok(attributes.includes(name), `${tag} lists attribute ${name}`);
      for (const name of ['state', 'busy', 'feedback']) assert.ok(!attributes.includes(name), `${tag} does not list Lit's internal state ${name} as an attribute`);
      assert.ok(element.description && element.description.length > 40, `${tag} has a description`);
      assert.ok((element.cssParts?.length ?? 0) >= 10, `${tag} lists its CSS parts`);
      assert.ok(element.cssProperties?.some((p) => p.name === '--dvc-color-primary'), `${tag} lists its custom properties`);
    }
    assert.deepEqual(found.get('dvc-login')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-signed-in', 'DvcSignedInDetail'],
      ['dvc-recovered', 'DvcRecoveredDetail'],
      ['dvc-error', 'DvcErrorDetail'],
      ['dvc-phone-recovered', 'DvcPhoneRecoveredDetail'],
      ['dvc-phone-recovery-unconfirmed', 'DvcPhoneRecoveryUnconfirmedDetail'],
    ]);
    assert.deepEqual(found.get('dvc-phone-recovery')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-phone-recovered', 'DvcPhoneRecoveredDetail'],
      ['dvc-phone-recovery-unconfirmed', 'DvcPhoneRecoveryUnconfirmedDetail'],
      ['dvc-sign-in-requested', 'DvcActionRequestedDetail'],
      ['dvc-error', 'DvcErrorDetail'],
    ]);
    assert.deepEqual(found.get('dvc-recovery')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-recovered', 'DvcRecoveredDetail'],
      ['dvc-sign-in-requested', 'DvcActionRequestedDetail'],
      ['dvc-error', 'DvcErrorDetail'],
    ]);
    assert.deepEqual(found.get('dvc-register')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-registered', 'DvcRegisteredDetail'],
      ['dvc-error', 'DvcErrorDetail'],
      ['dvc-sign-in-requested', 'DvcActionRequestedDetail'],
      ['dvc-forgot-password-requested', 'DvcActionRequestedDetail'],
    ]);
    assert.deepEqual(found.get('dvc-account')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-account-changed', 'DvcAccountChangedDetail'],
      ['dvc-assurance-upgraded', 'DvcAssuranceUpgradedDetail'],
      ['dvc-signed-out', 'DvcSignedOutDetail'],
      ['dvc-error', 'DvcErrorDetail'],
    ]);
    assert.deepEqual(found.get('dvc-signature')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-signed-in', 'DvcSignedInDetail'],
      ['dvc-assurance-upgraded', 'DvcAssuranceUpgradedDetail'],
      ['dvc-signature-cancelled', 'undefined'],
      ['dvc-error', 'DvcErrorDetail'],
    ]);
    assert.ok(found.get('dvc-account')!.attributes?.some((a) => a.name === 'access-token'), 'dvc-account lists attribute access-token');
    assert.deepEqual(found.get('dvc-assurance-gate')!.events?.map((e) => [e.name, e.type?.text]), [
      ['dvc-assurance-met', 'DvcAssuranceMetDetail'],
      ['dvc-signed-in', 'DvcSignedInDetail'],
      ['dvc-error', 'DvcErrorDetail'],
    ]);
    const gateAttributes = found.get('dvc-assurance-gate')!.attributes?.map((a) => a.name) ?? [];
    for (const name of ['min-ial', 'min-aal', 'max-age', 'service', 'client-id']) assert.ok(gateAttributes.includes(name), `dvc-assurance-gate lists attribute ${name}`);
    for (const name of ['ial', 'aal', 'id-token']) assert.ok(!gateAttributes.includes(name), `dvc-assurance-gate no longer lists attribute ${name}`);
    assert.ok(found.get('dvc-login')!.slots?.some((s) => s.name === 'forgot-password'));
    for (const [tag, element] of found) {
      for (const event of element.events ?? []) {
        assert.ok(event.type?.text, `${tag} event ${event.name} names its detail type`);
        assert.ok(event.description, `${tag} event ${event.name} says when it fires`);
      }
      for (const part of element.cssParts ?? []) assert.ok(part.description, `${tag} part ${part.name} is described`);
    }
  });

  test('a React 19 page using the elements type-checks, and wrong attributes, event details and tags do not', async () => {
    await typeCheck('tsc', 'test/frameworks/react/tsconfig.json');
  });

  test('a Vue 3 template using the elements type-checks under vue-tsc, and wrong attributes and event details do not', async () => {
    await typeCheck('vue-tsc', 'test/frameworks/vue/tsconfig.json');
  });
});

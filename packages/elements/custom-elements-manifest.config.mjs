// The Custom Elements Manifest of @dvc-kit/elements (dist/custom-elements.json), read from the
// sources: every element's attributes, properties, events, slots, CSS parts and custom properties,
// from the classes and their doc comments (@fires, @slot, @csspart, @cssprop). From the manifest the
// plugins write the typings portal teams use in React 19 JSX (dist/react.d.ts) and Vue 3 templates
// (dist/vue.d.ts).
import { readFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/**
 * The elements are defined by `defineElements()` from the table in src/registry.ts, not by a
 * `customElements.define` call beside each class, so the analyzer cannot see their tag names: this
 * plugin reads that one table and names each class's tag (and marks it a custom element), before the
 * typing plugins run.
 */
function tagNamesFromRegistry() {
  const registry = readFileSync(new URL('./src/registry.ts', import.meta.url), 'utf8');
  const table = registry.slice(registry.indexOf('export const ELEMENTS'), registry.indexOf('});'));
  const tags = new Map([...table.matchAll(/'(dvc-[a-z-]+)':\s*(\w+)/g)].map(([, tag, name]) => [name, tag]));
  return {
    name: 'dvc-tag-names-from-registry',
    packageLinkPhase({ customElementsManifest }) {
      const found = new Set();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          found.add(declaration.name);
          module.exports = [...(module.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: module.path } }];
        }
      }
      const missing = [...tags.keys()].filter((name) => !found.has(name));
      if (missing.length) throw new Error(`custom-elements.json: no class found for ${missing.join(', ')} of src/registry.ts`);
    },
  };
}

/**
 * Lit's internal reactive state (`static properties = { busy: { state: true } }`) is neither an
 * attribute nor part of an element's API, but the analyzer lists it as both: this plugin notes each
 * class's state fields and removes them (inherited ones included) from the manifest.
 */
function withoutInternalState() {
  const internal = new Set();
  return {
    name: 'dvc-without-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isProperties = ts.isPropertyDeclaration(member) && member.name && member.name.getText() === 'properties';
        if (!isProperties || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some((option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (isState) internal.add(`${node.name.getText()}.${property.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const isInternal = (declaration, item) => internal.has(`${item.inheritedFrom?.name ?? declaration.name}.${item.fieldName ?? item.name}`);
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !isInternal(declaration, attribute));
          if (declaration.members) declaration.members = declaration.members.filter((member) => member.kind !== 'field' || !isInternal(declaration, member));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [
    tagNamesFromRegistry(),
    withoutInternalState(),
    customElementJsxPlugin({ outdir: 'dist', fileName: 'jsx-elements.d.ts', globalTypePath: './index.js', hideLogs: true }),
    customElementVuejsPlugin({ outdir: 'dist', fileName: 'vue-elements.d.ts', globalTypePath: './index.js', hideLogs: true }),
  ],
};

/**
 * Vue 3 typings of the DVC Kit elements: import this once (for example in `src/env.d.ts`:
 * `import type {} from '@dvc-kit/elements/vue';`) and `<dvc-login>`, `<dvc-register>` and the parts
 * type-check in templates under `vue-tsc`, with their attributes and typed `@dvc-…` event handlers.
 * Tell Vue's compiler the `dvc-` tags are custom elements (`compilerOptions.isCustomElement`).
 *
 * Made from the React/JSX typings generated from `custom-elements.json`: Vue's template checker
 * reads `client-id` as `clientId` and `@dvc-signed-in` as `onDvcSignedIn`, so the keys are camelised.
 */
import type { DefineComponent } from 'vue';
import type { CustomElements } from '../dist/jsx-elements.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** An element's JSX props as Vue's template checker names them. */
type VueProps<Props> = {
  [Key in keyof Props as Key extends `on${infer Event}` ? `on${Capitalize<Camel<Event>>}` : Key extends string ? Camel<Key> : never]: Props[Key];
};

type VueElements = { [Tag in keyof CustomElements]: DefineComponent<VueProps<CustomElements[Tag]>> };

declare module 'vue' {
  interface GlobalComponents extends VueElements {}
}

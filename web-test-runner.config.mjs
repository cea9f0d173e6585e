// Browser component tests of @dvc-kit/elements in Debian's Chromium (never a downloaded browser).
// The SDK is served from its TypeScript source, so the tests need no build and the widgets and the
// msw mock share one copy of the SDK (one DvcError class).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { identityServicePlugin } from './test/support/wtr-identity-service.mjs';
import { virtualAuthenticatorPlugin } from './test/support/wtr-virtual-authenticator.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const sdkSource = {
  '@dvc-kit/sdk': '/packages/sdk/src/index.ts',
  '@dvc-kit/sdk/mock': '/packages/sdk/src/mock/index.ts',
  '@dvc-kit/sdk/contract': '/packages/sdk/src/contract/index.ts',
  '@dvc-kit/sdk/tokens': '/packages/sdk/src/tokens/index.ts',
  '@dvc-kit/sdk/signer': '/packages/sdk/src/signer/index.ts',
};

/** Resolves the SDK's entry points to its sources. */
function sdkFromSource() {
  return {
    name: 'dvc-sdk-from-source',
    resolveImport({ source }) {
      return sdkSource[source];
    },
  };
}

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['packages/elements/test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: the tests drive a real keyboard, and keyboard focus belongs to one page.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 90_000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // test/real-service runs the widgets against a real identity service (needs `npm run build` first).
  // A virtual WebAuthn authenticator (Chromium's, over CDP) for the passkey tests.
  plugins: [identityServicePlugin(), virtualAuthenticatorPlugin(), sdkFromSource(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
  // countReporter: the closing line and per-file counts scripts/test.mjs checks.
  reporters: [defaultReporter(), countReporter()],
};

// DEVELOPMENT ONLY. `npm start` runs the identity service in development mode with its development CA
// (examples/stack.mjs): this gives the page's widgets a DevelopmentSigner from @dvc-kit/sdk/signer that
// holds test certificates of two sandbox citizens, issued by that CA, so "USB ký số" can be tried without a
// USB token or a CA's signing plugin ("Nâng lên mức 3 bằng chữ ký số" in the account, "Đăng nhập bằng chữ
// ký số" at sign-in). A portal for citizens gives its widgets a PluginSigner over the CA's plugin instead;
// a production service has no development CA, and then no signer is made here.
import { DvcClient } from '/vendor/sdk/client/client.js';
import { DevelopmentSigner } from '/vendor/sdk/signer/index.js';

/** Sandbox citizens (packages/server/fixtures/sandbox-citizens.json): register one by phone, then raise it to IAL3. */
const HOLDERS = [
  { holder: 'Nguyễn Văn An', idNumber: '001090001234' },
  { holder: 'Trần Thị Bích Ngọc', idNumber: '079195004321' },
];

/**
 * Sets `signer` on each widget once the development CA has certified the test keys.
 * @param {HTMLElement[]} widgets elements with `service` and `client-id` attributes
 */
export async function connectDevelopmentSigner(widgets) {
  const [first] = widgets;
  const client = new DvcClient({ baseUrl: first.getAttribute('service'), clientId: first.getAttribute('client-id') });
  try {
    const signer = await DevelopmentSigner.fromService(client, HOLDERS, { name: 'DVC Kit development signer (NOT FOR PRODUCTION)' });
    for (const widget of widgets) widget.signer = signer;
  } catch (error) {
    console.info('No development CA on this identity service: "USB ký số" is not offered on this page.', error.code ?? error);
  }
}

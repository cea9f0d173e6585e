import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import { announcements, byLabel, textOf } from '../support/dom.js';
import { shows, signIn } from '../support/flows.js';
import { AN, testService } from '../support/service.js';

// The audit: the human check unticked after a refused sign-in without saying so. The service takes each
// solution once, so the widget keeps the box ticked and solves a new puzzle quietly.
describe('<dvc-login> human check after a refused sign-in', () => {
  it('stays ticked, solves a new puzzle in the background and sends the new solution', async () => {
    const service = testService({ config: { humanCheck: { required: true } }, humanCheck: { number: 3, maxnumber: 10 } });
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    byLabel(el, 'Tôi không phải là người máy').click();
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await signIn(el, AN.idNumber, 'Sai-Mat-Khau-1');
    await shows(el, problemMessage('invalid_credentials', 'vi'));
    const checkbox = byLabel(el, 'Tôi không phải là người máy');
    expect(checkbox.checked).to.be.true;
    await waitUntil(() => service.scenario.requests.filter((r) => r.operation === 'getHumanCheckChallenge').length === 2, 'no new puzzle was fetched');
    expect(checkbox.checked).to.be.true;
    expect(announcements(el).join(' ')).not.to.contain('Đang xác minh');
    expect(textOf(el)).not.to.contain('Vui lòng đánh dấu');

    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    const sent = service.scenario.requests.filter((r) => r.operation === 'startSignIn').map((r) => (r.body as { humanCheck?: string }).humanCheck);
    expect(sent).to.have.length(2);
    expect(sent[0]).to.be.a('string');
    expect(sent[1]).to.be.a('string').and.not.equal(sent[0]);
    expect(await service.scenario.humanCheck.verify(sent[1]!)).to.be.a('boolean');
  });
});

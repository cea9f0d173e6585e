import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { DvcMethodPicker, MethodSelectDetail } from '../../src/method-picker/method-picker.js';
import { byButton, byLabel, descriptionOf, textOf } from '../support/dom.js';

describe('<dvc-method-picker>', () => {
  it('groups the methods it is given by the level they give, and names them', async () => {
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker .methods=${['mobile', 'bhxh', 'usb_token', 'carrier-pigeon']}></dvc-method-picker>`);
    expect(textOf(el)).to.contain('Mức độ 2 – xác minh mức độ trung bình Thuê bao di động');
    expect(textOf(el)).to.contain('Bảo hiểm xã hội');
    expect(textOf(el)).to.contain('Mức độ 3 – xác minh mức độ cao USB ký số');
    expect(textOf(el)).not.to.contain('carrier-pigeon');
    expect(descriptionOf(byLabel(el, 'Thuê bao di động'))).to.equal('Số điện thoại di động đứng tên bạn tại nhà mạng');
    await expect(el).to.be.accessible();
  });

  it('chooses the only method offered and reports the choice on “Tiếp tục”', async () => {
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker .methods=${['mobile']}></dvc-method-picker>`);
    expect(byLabel(el, 'Công dân').checked).to.be.true;
    expect(byLabel(el, 'Thuê bao di động').checked).to.be.true;
    const chosen = oneEvent(el, 'dvc-method-select');
    byButton(el, 'Tiếp tục').click();
    expect(((await chosen) as CustomEvent<MethodSelectDetail>).detail).to.deep.equal({ subjectType: 'citizen', method: 'mobile' });
  });

  it('chooses nothing for the citizen when there are several methods', async () => {
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker .methods=${['mobile', 'bhxh']}></dvc-method-picker>`);
    let chosen = oneEvent(el, 'dvc-method-select');
    byButton(el, 'Tiếp tục').click();
    expect(((await chosen) as CustomEvent<MethodSelectDetail>).detail.method).to.equal(undefined);
    byLabel(el, 'Bảo hiểm xã hội').click();
    chosen = oneEvent(el, 'dvc-method-select');
    byButton(el, 'Tiếp tục').click();
    expect(((await chosen) as CustomEvent<MethodSelectDetail>).detail.method).to.equal('bhxh');
  });

  it('shows an error on the method group', async () => {
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker .methods=${['mobile', 'bhxh']} error="Chọn một phương thức xác minh."></dvc-method-picker>`);
    expect(textOf(el)).to.contain('Lỗi: Chọn một phương thức xác minh.');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker lang="en" .methods=${['mobile']}></dvc-method-picker>`);
    expect(textOf(el)).to.contain('Citizen');
    expect(textOf(el)).to.contain('Mobile subscriber');
  });

  it('offers the subject types it is given, each with its own methods, and shows the unavailable ones disabled', async () => {
    const choices = [
      { subjectType: 'citizen', methods: [{ method: 'mobile', ial: 2, available: true }, { method: 'usb_token', ial: 3, available: false }] },
      { subjectType: 'agency', methods: [{ method: 'usb_token', ial: 3, available: false }] },
    ] as const;
    const el = await fixture<DvcMethodPicker>(html`<dvc-method-picker .choices=${choices}></dvc-method-picker>`);
    expect(textOf(el)).to.contain('Công dân Cơ quan nhà nước');
    expect(byLabel(el, 'Thuê bao di động').checked).to.be.true;
    expect(byLabel(el, 'USB ký số').disabled).to.be.true;
    expect(descriptionOf(byLabel(el, 'USB ký số'))).to.equal('Chưa hỗ trợ trên dịch vụ này');
    byLabel(el, 'Cơ quan nhà nước').click();
    await el.updateComplete;
    expect(textOf(el)).to.contain('Dịch vụ này chưa hỗ trợ phương thức đăng ký nào cho đối tượng này.');
    expect(textOf(el)).not.to.contain('Thuê bao di động');
    expect(() => byButton(el, 'Tiếp tục')).to.throw('No button');
    await expect(el).to.be.accessible();
  });
});

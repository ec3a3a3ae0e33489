// What the portal shows about fees and requests comes from the API: each fee line with what it
// is in both languages (catalogue, quote, request), for a request a delegate made, the
// holder it was made for and the delegate, by name and masked identity number, and for a
// request an establishment made, the establishment's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildPerson } from '../helpers/factories';
import { buildEstablishment } from '../helpers/establishments';
import { buildHolder, buildHousehold, getRequest, grantDelegation, submitRequest } from '../helpers/services';
import { feeLineLabel } from '../../src/server/services/catalogue';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SERVICE = 'exit_reentry_visa';
const SINGLE_BASE = { ar: 'تأشيرة مفردة (المدة الأساسية)', en: 'Single visa (base period)' };
const SINGLE_EXTRA = { ar: 'تأشيرة مفردة (كل شهر إضافي)', en: 'Single visa (each extra month)' };

describe('fee line labels', () => {
  it('are in the catalogue for every line a service can bill, and none for a free service', async () => {
    const res = await t.app.inject({ url: '/api/v1/services' });
    const services = res.json().services as Array<{ code: string; feeLines: Array<{ key: string; label: { ar: string; en: string } }> }>;
    const visa = services.find((s) => s.code === SERVICE)!;
    expect(visa.feeLines).toEqual([
      { key: 'single_base', label: SINGLE_BASE },
      { key: 'single_extra_month', label: SINGLE_EXTRA },
      { key: 'multiple_base', label: { ar: 'تأشيرة متعددة (المدة الأساسية)', en: 'Multiple visa (base period)' } },
      { key: 'multiple_extra_month', label: { ar: 'تأشيرة متعددة (كل شهر إضافي)', en: 'Multiple visa (each extra month)' } },
    ]);
    expect(services.find((s) => s.code === 'passport_renew')!.feeLines.map((l) => l.key)).toEqual(['validity_5_years', 'validity_10_years']);
    expect(services.find((s) => s.code === 'final_exit_visa')!.feeLines).toEqual([]);
  });

  it('come with each line of a quote and of the request, in both languages whatever the language asked', async () => {
    const h = await buildHousehold(t);
    const body = { beneficiaryIdNumber: h.worker.idNumber, input: { type: 'single', durationMonths: 4 } };
    const q = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/quote`, headers: { ...h.head.auth, 'accept-language': 'en' }, payload: body });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().fee.lines).toEqual([
      { key: 'single_base', label: SINGLE_BASE, amountHalalas: 20000, quantity: 1 },
      { key: 'single_extra_month', label: SINGLE_EXTRA, amountHalalas: 10000, quantity: 2 },
    ]);
    const sub = await submitRequest(t, h.head.auth, SERVICE, body);
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json().fee.lines.map((l: { label: unknown }) => l.label)).toEqual([SINGLE_BASE, SINGLE_EXTRA]);
    const list = await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth });
    expect(list.json().requests[0].fee.lines[1]).toMatchObject({ key: 'single_extra_month', label: SINGLE_EXTRA });
  });

  it('fall back to the service’s name for a key the service does not label', () => {
    expect(feeLineLabel(SERVICE, 'a_line_nobody_declared')).toEqual({ ar: 'تأشيرة خروج وعودة', en: 'Exit and re-entry visa' });
  });
});

describe('a request a delegate made', () => {
  it('names the holder it was made for and the delegate, to both, in the list and on its page', async () => {
    const h = await buildHousehold(t);
    const delegateInRegistry = await buildPerson(t.deps.database.db, { nameAr: 'سعد ناصر العتيبي', nameEn: 'Saad Nasser Alotaibi' });
    const delegate = await buildHolder(t, { person: delegateInRegistry });
    const delegationId = await grantDelegation(t, h.head.account.id, delegate.account.id, [SERVICE]);
    const sub = await submitRequest(t, delegate.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, delegationId, input: { type: 'single', durationMonths: 2 } });
    expect(sub.statusCode, sub.body).toBe(201);
    const mask = (id: string) => `${id.slice(0, 2)}******${id.slice(-2)}`;
    const expected = {
      grantor: { name: { ar: h.head.person.nameAr, en: h.head.person.nameEn }, idNumberMasked: mask(h.head.person.idNumber) },
      delegate: { name: { ar: 'سعد ناصر العتيبي', en: 'Saad Nasser Alotaibi' }, idNumberMasked: mask(delegate.person.idNumber) },
    };
    expect(sub.json()).toMatchObject({ byDelegate: true, delegation: expected });
    for (const auth of [delegate.auth, h.head.auth]) {
      expect((await getRequest(t, auth, sub.json().id)).json().delegation).toEqual(expected);
      const list = await t.app.inject({ url: '/api/v1/requests', headers: auth });
      expect(list.json().requests.find((r: { id: string }) => r.id === sub.json().id).delegation).toEqual(expected);
    }
    // Nothing about either party beyond the masked numbers.
    expect(sub.body).not.toContain(h.head.person.idNumber);
    expect(sub.body).not.toContain(delegate.person.idNumber);
  });

  it('is absent from a request the holder made', async () => {
    const h = await buildHousehold(t);
    const sub = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: { type: 'single', durationMonths: 2 } });
    expect(sub.json()).toMatchObject({ byDelegate: false, delegation: null });
  });
});

describe('a request an establishment made', () => {
  const ESTABLISHMENT_NAME = { ar: 'مؤسسة البناء الحديث', en: 'Modern Construction Est.' };

  it('names the establishment, in both languages, in the answer, the list and on its page', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const sub = await submitRequest(t, est.owner.auth, SERVICE, { beneficiaryIdNumber: est.workers[0]!.idNumber, establishmentId: est.id, input: { type: 'single', durationMonths: 2 } });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ establishmentId: est.id, establishmentName: ESTABLISHMENT_NAME });
    expect((await getRequest(t, est.owner.auth, sub.json().id)).json()).toMatchObject({ establishmentId: est.id, establishmentName: ESTABLISHMENT_NAME });
    const list = await t.app.inject({ url: '/api/v1/requests', headers: est.owner.auth });
    expect(list.json().requests.find((r: { id: string }) => r.id === sub.json().id)).toMatchObject({ establishmentId: est.id, establishmentName: ESTABLISHMENT_NAME });
  });

  it('is absent from a request a household made', async () => {
    const h = await buildHousehold(t);
    const sub = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: { type: 'single', durationMonths: 2 } });
    expect(sub.json()).toMatchObject({ establishmentId: null, establishmentName: null });
    const list = await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth });
    expect(list.json().requests.find((r: { id: string }) => r.id === sub.json().id).establishmentName).toBeNull();
  });
});

// The public list of offices: what a client needs to choose one, in both languages, and
// nothing about the staff who work there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, grantStaffRole } from '../helpers/factories';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/offices', () => {
  it('is public and lists offices before airport desks, each with its names, region and city only', async () => {
    const db = t.deps.database.db;
    const desk = await buildOffice(db, { id: 'airport-test', kind: 'airport', nameAr: 'جوازات مطار الاختبار', nameEn: 'Test Airport Passports', region: 'eastern', city: 'Dammam' });
    const office = await buildOffice(db, { id: 'office-test', nameAr: 'جوازات الاختبار', nameEn: 'Test Passports', region: 'qassim', city: 'Buraydah' });
    const officer = await buildAccount(db);
    await grantStaffRole(db, officer.account.id, 'officer', office.id);

    const res = await t.app.inject({ url: '/api/v1/offices' });
    expect(res.statusCode, res.body).toBe(200);
    const { offices } = res.json() as { offices: Array<Record<string, unknown>> };
    expect(offices.map((o) => o.id)).toEqual([office.id, desk.id]);
    expect(offices[0]).toEqual({ id: 'office-test', kind: 'office', name: { ar: 'جوازات الاختبار', en: 'Test Passports' }, region: 'qassim', city: 'Buraydah' });
    expect(res.body).not.toContain(officer.account.id);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/offices'].get.summary).toMatch(/offices/);
  });
});

// The lists the workers view's filters offer: the labour ministry's professions, and the
// nationalities among an establishment's workers with their names and counts; and who may ask.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createTestApp, type TestContext } from '../helpers/app';
import { addWorkers, buildEstablishment, grantStaff } from '../helpers/establishments';
import { buildHolder } from '../helpers/services';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, auth: Record<string, string> = {}) => t.app.inject({ url, headers: auth });

describe('GET /api/v1/professions', () => {
  it('answers 503 while the ministry is down and nothing is kept, then the list, kept through the next outage', async () => {
    const holder = await buildHolder(t);
    const faults = t.deps.sandboxFaults!.labour;
    faults.set({ down: true });
    try {
      const down = await get('/api/v1/professions', holder.auth);
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe('dependency_unavailable');
      faults.set({ down: false });

      const res = await get('/api/v1/professions', holder.auth);
      expect(res.statusCode).toBe(200);
      const { professions } = res.json() as { professions: Array<Record<string, unknown>> };
      expect(professions).toContainEqual({ code: 'electrician', name: { ar: 'كهربائي', en: 'Electrician' }, domestic: false });
      expect(professions).toContainEqual(expect.objectContaining({ code: 'domestic_worker', domestic: true }));
      // Not professions one is employed in.
      expect(professions.map((p) => p.code)).not.toContain('student');
      for (const p of professions) expect(Object.keys(p).sort()).toEqual(['code', 'domestic', 'name']);

      faults.set({ down: true });
      const kept = await get('/api/v1/professions', holder.auth);
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toEqual(res.json());
    } finally {
      faults.set({ down: false });
    }
  });

  it('is for account holders only', async () => {
    expect((await get('/api/v1/professions')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/establishments/{id}/workers/nationalities', () => {
  it('counts the workers of each nationality, named in both languages, and records no worker as viewed', async () => {
    const est = await buildEstablishment(t, { workers: 3, worker: { nationality: 'IND' } });
    await addWorkers(t.deps.database.db, est.id, 2, { nationality: 'PHL' });
    await addWorkers(t.deps.database.db, est.id, 1, { nationality: 'XXA' });
    // Another establishment's workers are not counted.
    await buildEstablishment(t, { workers: 2, worker: { nationality: 'EGY' } });

    const res = await get(`/api/v1/establishments/${est.id}/workers/nationalities`, est.owner.auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      nationalities: [
        { code: 'IND', name: { ar: 'الهند', en: 'India' }, count: 3 },
        { code: 'PHL', name: { ar: 'الفلبين', en: 'Philippines' }, count: 2 },
        { code: 'XXA', name: null, count: 1 },
      ],
    });
    const views = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'establishment.workers_viewed'));
    expect(views.filter((v) => v.details.establishmentId === est.id)).toHaveLength(0);
  });

  it('answers the owner and staff in force, and no one else', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const staff = await grantStaff(t, est, ['exit_reentry_visa']);
    const stranger = await buildHolder(t);
    const other = await buildEstablishment(t, { workers: 1 });
    const url = `/api/v1/establishments/${est.id}/workers/nationalities`;
    const codes = {
      owner: (await get(url, est.owner.auth)).statusCode,
      staff: (await get(url, staff.auth)).statusCode,
      stranger: (await get(url, stranger.auth)).statusCode,
      otherOwner: (await get(url, other.owner.auth)).statusCode,
      anonymous: (await get(url)).statusCode,
    };
    expect(codes).toEqual({ owner: 200, staff: 200, stranger: 404, otherOwner: 404, anonymous: 401 });
  });

  it('answers 503 while the population registry is down', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const registry = t.deps.registry as unknown as { setDown(down: boolean): void };
    registry.setDown(true);
    try {
      const res = await get(`/api/v1/establishments/${est.id}/workers/nationalities`, est.owner.auth);
      expect(res.statusCode).toBe(503);
    } finally {
      registry.setDown(false);
    }
  });
});

// The services' parameters as the hot paths read them: kept for the configured time, read
// again after it, per day, and not kept when the read failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client';
import { serviceParameters } from '../../src/server/db/schema';
import { FakeClock, SECOND } from '../../src/server/platform/clock';
import { ParameterStore } from '../../src/server/services/parameters';
import { openTestDatabase } from '../helpers/database';

let database: Database;
const SERVICE = 'cache_probe';

beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
  await database.db.insert(serviceParameters).values({ service: SERVICE, key: 'fee_halalas', effectiveFrom: '2026-01-01', value: 100, unit: 'halalas' });
});
afterAll(() => database.close());

async function setFee(value: number) {
  await database.db.update(serviceParameters).set({ value }).where(and(eq(serviceParameters.service, SERVICE), eq(serviceParameters.key, 'fee_halalas')));
}

describe('ParameterStore', () => {
  it('keeps what it read for the configured time, then reads the schedule again', async () => {
    await setFee(100);
    const clock = new FakeClock('2026-12-05T09:00:00Z');
    const store = new ParameterStore(database.db, clock, 60 * SECOND);
    expect((await store.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(100);
    await setFee(150);
    clock.advance(59 * SECOND);
    expect((await store.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(100);
    // Another day is another read.
    expect((await store.load(SERVICE, '2026-12-06')).get('fee_halalas')).toBe(150);
    clock.advance(1 * SECOND);
    expect((await store.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(150);
  });

  it('reads every time with no cache time, and again after invalidate()', async () => {
    await setFee(100);
    const clock = new FakeClock('2026-12-05T09:00:00Z');
    const uncached = new ParameterStore(database.db, clock, 0);
    const cached = new ParameterStore(database.db, clock, 60 * SECOND);
    expect((await cached.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(100);
    await setFee(175);
    expect((await uncached.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(175);
    expect((await cached.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(100);
    cached.invalidate();
    expect((await cached.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(175);
  });

  it('does not keep a failed read', async () => {
    await setFee(100);
    const clock = new FakeClock('2026-12-05T09:00:00Z');
    let failing = true;
    const flaky = {
      select: (...args: Parameters<typeof database.db.select>) => {
        if (failing) throw new Error('connection lost');
        return database.db.select(...args);
      },
    } as unknown as typeof database.db;
    const store = new ParameterStore(flaky, clock, 60 * SECOND);
    await expect(store.load(SERVICE, '2026-12-05')).rejects.toThrow('connection lost');
    failing = false;
    expect((await store.load(SERVICE, '2026-12-05')).get('fee_halalas')).toBe(100);
  });
});

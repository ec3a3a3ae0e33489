import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      ABSHER_MODE: 'production',
      SECRET_KEY: 'a-production-secret-key-of-at-least-32-chars',
      CHANNEL_CLIENTS: JSON.stringify([{ id: 'atm-alrajhi', kind: 'atm', secret: 'a-production-channel-secret-of-32-chars+' }]),
      SMS_PROVIDER_URL: 'http://127.0.0.1:9/sms',
      SMS_PROVIDER_TOKEN: 'sms-token',
      REGISTRY_URL: 'http://127.0.0.1:9/registry',
      REGISTRY_TOKEN: 'registry-token',
      TRAFFIC_URL: 'http://127.0.0.1:9/traffic',
      TRAFFIC_TOKEN: 'traffic-token',
      TRAVEL_BANS_URL: 'http://127.0.0.1:9/travel-bans',
      TRAVEL_BANS_TOKEN: 'travel-bans-token',
      LABOUR_URL: 'http://127.0.0.1:9/labour',
      LABOUR_TOKEN: 'labour-token',
      HEALTH_URL: 'http://127.0.0.1:9/health',
      HEALTH_TOKEN: 'health-token',
    },
  });
});
afterAll(() => t.close());

describe('the sandbox endpoints in production mode', () => {
  it.each([
    ['POST', '/api/v1/sandbox/persons', { kind: 'citizen' }],
    ['POST', '/api/v1/sandbox/persons', { kind: 'not even valid' }],
    ['GET', '/api/v1/sandbox/persons/1000000016', undefined],
    ['GET', '/api/v1/sandbox/sms?to=0500000001', undefined],
    ['GET', '/api/v1/sandbox/personas', undefined],
    ['POST', '/api/v1/sandbox/establishments', { workers: 3 }],
    ['GET', '/api/v1/sandbox/agencies/labour/faults', undefined],
    ['PUT', '/api/v1/sandbox/agencies/health/faults', { down: true }],
  ] as const)('%s %s answers 404 not_found', async (method, url, payload) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

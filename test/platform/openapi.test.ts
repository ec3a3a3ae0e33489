import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('is 3.1 and publishes every contract endpoint', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        'POST /api/v1/registrations',
        'POST /api/v1/registrations/{registrationId}/verify',
        'POST /api/v1/registrations/{registrationId}/resend',
        'POST /api/v1/registrations/{registrationId}/complete',
        'POST /api/v1/sessions',
        'POST /api/v1/sessions/{challengeId}/verify',
        'GET /api/v1/me',
        'DELETE /api/v1/sessions/current',
      ]),
    );
    expect(doc.components.securitySchemes.channelSignature).toBeDefined();
  });

  it('has a browsable UI', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestContext } from '../helpers/app';
import { makeIdentityNumber, parseIdentityNumber } from '../../src/domain/identity-number';
import { seedSandbox } from '../../src/server/modules/sandbox/seed';
import { DEMO_ESTABLISHMENT, PERSONAS, SANDBOX_PASSWORD } from '../../src/server/modules/sandbox/personas';
import type { SandboxPersonView } from '../../src/server/modules/sandbox/presenter';
import { SECOND } from '../../src/server/platform/clock';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await seedSandbox(t.deps, { persons: 16, firstStartOnly: true });
});
afterAll(() => t.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/sandbox/persons', payload: payload as object, headers });

function expectError(res: { statusCode: number; json(): unknown }, status: number, code: string): ErrorBody {
  expect(res.statusCode).toBe(status);
  const body = res.json() as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body;
}

describe('POST /api/v1/sandbox/persons', () => {
  it('adds a citizen to the registry that the kiosk matching recognizes', async () => {
    const res = await post({ kind: 'citizen' });
    expect(res.statusCode).toBe(201);
    const p = json<SandboxPersonView>(res);
    expect(parseIdentityNumber(p.idNumber)).toBe(p.idNumber);
    expect(p.idNumber[0]).toBe('1');
    expect(p).toMatchObject({ kind: 'citizen', nationality: 'SAU', iqama: null, sponsor: null, family: { heads: [], members: [] } });
    expect(p.mobile).toMatch(/^\+9665\d{8}$/);
    expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.name.ar).toMatch(/[\u0600-\u06FF]/);
    expect(p.name.en).toMatch(/^[A-Z]/);
    expect(p.passport?.number).toMatch(/^A\d{8}$/);
    expect(Buffer.from(p.fingerprints.rightIndex, 'base64url')).toHaveLength(16);
    expect(Buffer.from(p.fingerprints.leftIndex, 'base64url')).toHaveLength(16);

    // The registry the rest of the platform uses now knows the person, fingerprints included.
    expect(await t.deps.registry.findPerson(p.idNumber)).toMatchObject({ idNumber: p.idNumber, mobile: p.mobile, birthDate: p.birthDate });
    expect(await t.deps.registry.matchFingerprints(p.idNumber, p.fingerprints)).toBe(true);
    expect(await t.deps.registry.matchFingerprints(p.idNumber, { rightIndex: p.fingerprints.leftIndex, leftIndex: p.fingerprints.rightIndex })).toBe(false);
  });

  it('adds a resident with an iqama, a profession and a sponsor', async () => {
    const res = await post({ kind: 'resident' });
    expect(res.statusCode).toBe(201);
    const p = json<SandboxPersonView>(res);
    expect(p.idNumber[0]).toBe('2');
    expect(p.kind).toBe('resident');
    expect(p.nationality).not.toBe('SAU');
    expect(p.iqama).toEqual({ number: p.idNumber, expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(p.sponsor).toEqual({ kind: 'establishment', id: expect.stringMatching(/^7\d{9}$/) });
    expect(p.profession).toEqual({ code: expect.any(String), name: { ar: expect.any(String), en: expect.any(String) } });
  });

  it('keeps the fields the caller fixed', async () => {
    const head = PERSONAS.find((x) => x.key === 'family')!.person.idNumber;
    const res = await post({
      kind: 'resident',
      gender: 'f',
      birthDate: '1991-05-20',
      nationality: 'PHL',
      passportExpiresOn: '2030-01-31',
      iqamaExpiresOn: '2026-01-10',
      // Arabic-Indic digits are accepted wherever a number is typed.
      sponsor: { kind: 'person', id: head.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))) },
    });
    expect(res.statusCode).toBe(201);
    expect(json<SandboxPersonView>(res)).toMatchObject({
      gender: 'f',
      birthDate: '1991-05-20',
      nationality: 'PHL',
      passport: { expiresOn: '2030-01-31' },
      iqama: { expiresOn: '2026-01-10' },
      sponsor: { kind: 'person', id: head },
    });
  });

  it('gives every new person a different identity number and mobile', async () => {
    const made = [];
    for (let k = 0; k < 6; k++) made.push(json<SandboxPersonView>(await post({ kind: k % 2 ? 'citizen' : 'resident' })));
    expect(new Set(made.map((p) => p.idNumber)).size).toBe(6);
    expect(new Set(made.map((p) => p.mobile)).size).toBe(6);
  });

  it('refuses unknown fields, a wrong kind and impossible details with 400 and the error shape', async () => {
    const unknown = expectError(await post({ kind: 'citizen', favouriteColour: 'green' }), 400, 'invalid_input');
    expect(unknown.error.message).toBe('البيانات المدخلة غير صحيحة.');
    expectError(await post({ kind: 'alien' }), 400, 'invalid_input');
    expectError(await post({}), 400, 'invalid_input');
    // Citizens have no nationality to choose and no iqama.
    expectError(await post({ kind: 'citizen', nationality: 'EGY' }), 400, 'invalid_input');
    expectError(await post({ kind: 'citizen', iqamaExpiresOn: '2027-01-01' }), 400, 'invalid_input');
    expectError(await post({ kind: 'resident', nationality: 'SAU' }), 400, 'invalid_input');
    expectError(await post({ kind: 'resident', sponsor: { kind: 'establishment', id: '1234567890' } }), 400, 'invalid_input');
    expectError(await post({ kind: 'citizen', birthDate: '2999-01-01' }), 400, 'invalid_input');
    expectError(await post({ kind: 'citizen', birthDate: '1990-02-30' }), 400, 'invalid_input');
    const english = expectError(await post({ kind: 'robot' }, { 'accept-language': 'en' }), 400, 'invalid_input');
    expect(english.error.message).toBe('The request is not valid.');
  });

  it('refuses a sponsor who is not in the registry', async () => {
    const res = await post({ kind: 'resident', sponsor: { kind: 'person', id: '1000000008' } });
    expectError(res, 422, 'sponsor_not_found');
  });
});

describe('GET /api/v1/sandbox/persons/{idNumber}', () => {
  it('answers the person as POST did, fingerprints included', async () => {
    const made = json<SandboxPersonView>(await post({ kind: 'resident' }));
    const res = await t.app.inject({ url: `/api/v1/sandbox/persons/${made.idNumber}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(made);
  });

  it("shows a head of family's family card and a member's head", async () => {
    const family = PERSONAS.find((x) => x.key === 'family')!.person;
    const head = json<SandboxPersonView>(await t.app.inject({ url: `/api/v1/sandbox/persons/${family.idNumber}` }));
    expect(head.name.en).toBe(family.name.en);
    expect(head.family.members.map((m) => m.relation).sort()).toEqual(['daughter', 'son', 'son', 'spouse']);
    const child = head.family.members.find((m) => m.relation === 'daughter')!;
    const member = json<SandboxPersonView>(await t.app.inject({ url: `/api/v1/sandbox/persons/${child.idNumber}` }));
    expect(member.family.heads).toEqual([{ idNumber: family.idNumber, relation: 'daughter' }]);
  });

  it('answers 404 person_not_found and 400 invalid_id_number', async () => {
    expectError(await t.app.inject({ url: '/api/v1/sandbox/persons/1000000008' }), 404, 'person_not_found');
    expectError(await t.app.inject({ url: '/api/v1/sandbox/persons/1234567890' }), 400, 'invalid_id_number');
  });
});

describe('GET /api/v1/sandbox/sms', () => {
  it("answers one mobile's messages, newest first, whatever form the mobile is written in", async () => {
    const mine = '+966512340001';
    const other = '+966512340002';
    const send = async (to: string, body: string) => {
      t.clock.advance(SECOND);
      await t.deps.smsGateway.send({ id: crypto.randomUUID(), to, body });
    };
    await send(mine, 'first');
    await send(other, 'not yours');
    await send(mine, 'second');
    await send(mine, 'third');

    for (const form of ['0512340001', '512340001', '966512340001', '+966512340001', '٠٥١٢٣٤٠٠٠١']) {
      const res = await t.app.inject({ url: `/api/v1/sandbox/sms?to=${encodeURIComponent(form)}` });
      expect(res.statusCode).toBe(200);
      const { messages } = res.json() as { messages: Array<{ to: string; body: string; sentAt: string }> };
      expect(messages.map((m) => m.body)).toEqual(['third', 'second', 'first']);
      expect(messages.every((m) => m.to === mine)).toBe(true);
      expect(new Date(messages[0]!.sentAt).getTime()).toBeGreaterThan(new Date(messages[1]!.sentAt).getTime());
    }
    const limited = await t.app.inject({ url: `/api/v1/sandbox/sms?to=${encodeURIComponent(mine)}&limit=1` });
    expect((limited.json() as { messages: Array<{ body: string }> }).messages.map((m) => m.body)).toEqual(['third']);
    const none = await t.app.inject({ url: '/api/v1/sandbox/sms?to=0599999999' });
    expect(none.json()).toEqual({ messages: [] });
  });

  it('refuses a mobile that is not Saudi, a missing one and unknown parameters', async () => {
    expectError(await t.app.inject({ url: '/api/v1/sandbox/sms?to=0412345678' }), 400, 'invalid_mobile');
    expectError(await t.app.inject({ url: '/api/v1/sandbox/sms' }), 400, 'invalid_input');
    expectError(await t.app.inject({ url: '/api/v1/sandbox/sms?to=0512340001&page=2' }), 400, 'invalid_input');
    expectError(await t.app.inject({ url: '/api/v1/sandbox/sms?to=0512340001&limit=500' }), 400, 'invalid_input');
  });
});

describe('GET /api/v1/sandbox/personas', () => {
  it('lists the documented personas with their accounts as they stand', async () => {
    const res = await t.app.inject({ url: '/api/v1/sandbox/personas' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      password: string;
      personas: Array<{ key: string; role: string; idNumber: string; username: string | null; password: string | null; status: string | null; mobile: string; description: { ar: string; en: string }; establishments: unknown[] }>;
    };
    expect(body.password).toBe(SANDBOX_PASSWORD);
    expect(body.personas.map((p) => p.key)).toEqual(['citizen', 'registered', 'newcomer', 'resident', 'family', 'owner', 'officer', 'supervisor']);
    const by = Object.fromEntries(body.personas.map((p) => [p.key, p]));
    expect(by.citizen).toMatchObject({ role: 'citizen', username: 'demo.citizen', password: SANDBOX_PASSWORD, status: 'active' });
    expect(by.registered).toMatchObject({ username: 'demo.registered', status: 'registered' });
    expect(by.newcomer).toMatchObject({ username: null, password: null, status: null });
    expect(by.resident).toMatchObject({ role: 'resident', status: 'active' });
    expect(by.family).toMatchObject({ role: 'head_of_family', status: 'active' });
    expect(by.officer).toMatchObject({ role: 'officer', username: 'demo.officer', staffRole: { role: 'officer', officeId: 'office-riyadh' } });
    expect(by.supervisor).toMatchObject({ role: 'supervisor', staffRole: { role: 'supervisor', officeId: null } });
    expect(by.owner).toMatchObject({
      role: 'establishment_owner',
      username: 'demo.owner',
      password: SANDBOX_PASSWORD,
      status: 'active',
      establishments: [
        { id: DEMO_ESTABLISHMENT, openedOnAbsher: true },
        { id: '7000000100', openedOnAbsher: false },
        { id: '7000000101', openedOnAbsher: false },
      ],
    });
    expect(by.citizen!.establishments).toEqual([]);
    for (const p of body.personas) {
      expect(parseIdentityNumber(p.idNumber)).toBe(p.idNumber);
      expect(p.mobile).toMatch(/^\+96650\d{7}$/);
      expect(p.description.ar).toMatch(/[\u0600-\u06FF]/);
      expect(p.description.en.length).toBeGreaterThan(10);
    }
  });
});

describe('POST /api/v1/sandbox/establishments', () => {
  const add = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/sandbox/establishments', payload: payload as object });

  it('adds an establishment with N workers and a new owner who can register, known to the labour ministry', async () => {
    const res = await add({ workers: 120, region: 'eastern' });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ id: expect.stringMatching(/^71\d{8}$/), region: 'eastern', city: 'Dammam', workerCount: 120 });
    expect(parseIdentityNumber(e.owner.idNumber)).toBe(e.owner.idNumber);
    expect(e.owner.idNumber.startsWith('1')).toBe(true);
    const labour = await t.deps.labour.findEstablishment(e.id);
    expect(labour).toMatchObject({ workerCount: 120, ownerIdNumber: e.owner.idNumber, name: e.name, crNumber: e.crNumber, labourFile: e.labourFile });
    const page = await t.deps.registry.establishmentWorkers(e.id, { sort: 'id_number', order: 'asc', offset: 0, limit: 5 });
    expect(page.total).toBe(120);
    const listed = await Promise.all(page.persons.map((p) => t.deps.registry.findPerson(p.idNumber)));
    expect(listed).toHaveLength(5);
    expect(listed.every((p) => p?.kind === 'resident' && p.sponsor?.id === e.id)).toBe(true);
    const another = (await add({ workers: 1 })).json();
    expect(another.id).not.toBe(e.id);
  });

  it('gives it to a citizen already in the registry, and refuses an owner who is not one', async () => {
    const owner = PERSONAS.find((p) => p.key === 'citizen')!.person.idNumber;
    const res = await add({ workers: 2, ownerIdNumber: owner });
    expect(res.json().owner.idNumber).toBe(owner);
    expect((await t.deps.labour.establishmentsOwnedBy(owner)).map((x) => x.id)).toContain(res.json().id);
    expectError(await add({ workers: 1, ownerIdNumber: makeIdentityNumber('citizen', 9_999_999) }), 422, 'sponsor_not_found');
    const resident = PERSONAS.find((p) => p.key === 'resident')!.person.idNumber;
    expectError(await add({ workers: 1, ownerIdNumber: resident }), 400, 'invalid_input');
    expectError(await add({ workers: 20_001 }), 400, 'invalid_input');
    expectError(await add({ workers: 1, region: 'atlantis' }), 400, 'invalid_input');
  });
});

describe('the sandbox agencies’ faults', () => {
  const put = (agency: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/sandbox/agencies/${agency}/faults`, payload: payload as object });

  it('shows an agency down, slow or refusing, and restores it', async () => {
    expect((await t.app.inject({ url: '/api/v1/sandbox/agencies/labour/faults' })).json()).toEqual({ down: false, delayMs: 0, refusalPercent: 0 });
    expect((await put('labour', { refusalPercent: 100 })).json()).toEqual({ down: false, delayMs: 0, refusalPercent: 100 });
    const refused = await t.deps.labour.requestApproval({ reference: 'sandbox-faults-test', kind: 'profession_change', idNumber: '2000000048', establishmentId: DEMO_ESTABLISHMENT, details: {} });
    expect(refused.approved).toBe(false);
    expect((await put('health', { down: true })).json()).toMatchObject({ down: true });
    await expect(t.deps.health.medicalRecord('2000000048')).rejects.toThrow(/unavailable/);
    expect((await put('health', { down: false })).json()).toEqual({ down: false, delayMs: 0, refusalPercent: 0 });
    await put('labour', { refusalPercent: 0 });
    expectError(await put('traffic', { down: true }), 400, 'invalid_input');
    expectError(await put('labour', { down: 'yes' }), 400, 'invalid_input');
  });
});

describe('the OpenAPI document', () => {
  it('publishes the sandbox endpoints under the sandbox tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const [path, method] of [
      ['/api/v1/sandbox/persons', 'post'],
      ['/api/v1/sandbox/persons/{idNumber}', 'get'],
      ['/api/v1/sandbox/sms', 'get'],
      ['/api/v1/sandbox/personas', 'get'],
      ['/api/v1/sandbox/establishments', 'post'],
      ['/api/v1/sandbox/agencies/{agency}/faults', 'get'],
      ['/api/v1/sandbox/agencies/{agency}/faults', 'put'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['sandbox']);
    }
  });
});

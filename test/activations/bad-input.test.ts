// Hostile or broken input is a 400 with the error shape, never a 5xx, on every endpoint of
// activation, and it never changes an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, SECOND } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import { bankCardEvidence, channelRequest, fingerprintEvidence, KIOSK_CLIENT } from '../helpers/channel';
import { buildAccount, type BuiltPerson } from '../helpers/factories';
import { accountRow, loggedIn } from './support';

let t: TestContext;
let person: BuiltPerson;
let accountId: string;
let officer: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T09:00:00Z') });
  const built = await buildAccount(t.deps.database.db, { status: 'registered' });
  person = built.person;
  accountId = built.account.id;
  officer = await loggedIn(t, { role: 'officer' });
});
afterAll(async () => {
  // Whatever was thrown at the endpoints, the account is untouched.
  expect((await accountRow(t.deps.database.db, accountId)).status).toBe('registered');
  await t.close();
});

const RLO = '\u202E';
const hostileIdNumbers = (id: string) => [
  `${id}' OR '1'='1`,
  `'; DROP TABLE accounts; --`,
  `${id.slice(0, 9)}"`,
  `${RLO}${id}`,
  `${id.slice(0, 5)}${RLO}${id.slice(5)}`,
  `${id}\u0000`,
  id.slice(0, 9),
  `${id}0`,
  '1000000000',
  '',
  'x'.repeat(5000),
];

function expect400(res: { statusCode: number; json(): { error: { code: string } } }) {
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toMatch(/^(invalid_input|invalid_id_number|malformed_json)$/);
}

describe('channel activation input', () => {
  // A second apart, so that a repeated body is a new request rather than a replay.
  const send = (body: unknown, clientId = 'atm-alrajhi') => {
    t.clock.advance(SECOND);
    return channelRequest(t, { clientId, body });
  };

  it('refuses malformed JSON with 400 malformed_json', async () => {
    for (const raw of ['{', '{"idNumber": }', 'null x', '{"idNumber": "1"']) {
      const res = await send(raw);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('malformed_json');
    }
  });

  it('refuses unknown fields, at the top and inside the evidence', async () => {
    expect400(await send({ idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber), force: true }));
    expect400(await send({ idNumber: person.idNumber, evidence: { ...bankCardEvidence(person.idNumber), pin: '1234' } }));
    expect400(await send({ idNumber: person.idNumber, evidence: { ...fingerprintEvidence(person), thumb: 'AAAA' } }, KIOSK_CLIENT));
  });

  it('refuses wrong types and missing fields', async () => {
    const bodies: unknown[] = [
      { idNumber: Number(person.idNumber), evidence: bankCardEvidence(person.idNumber) },
      { idNumber: person.idNumber },
      { idNumber: person.idNumber, evidence: null },
      { idNumber: person.idNumber, evidence: 'bank_card' },
      { idNumber: person.idNumber, evidence: { type: 'passport', number: 'A1234567' } },
      { idNumber: person.idNumber, evidence: { type: 'bank_card' } },
      { idNumber: person.idNumber, evidence: { type: 'bank_card', cardholderIdNumber: 1 } },
      { idNumber: person.idNumber, evidence: { type: 'fingerprints', rightIndex: 5, leftIndex: [] } },
      { idNumber: person.idNumber, evidence: { type: 'fingerprints', rightIndex: '', leftIndex: '' } },
      { idNumber: person.idNumber, evidence: { type: 'fingerprints', rightIndex: '<script>', leftIndex: "' OR 1=1" } },
      [],
      'just a string',
      42,
    ];
    for (const body of bodies) expect400(await send(body, KIOSK_CLIENT));
  });

  it('refuses SQL metacharacters and right-to-left overrides in identity numbers', async () => {
    for (const idNumber of hostileIdNumbers(person.idNumber)) {
      expect400(await send({ idNumber, evidence: bankCardEvidence(person.idNumber) }));
      expect400(await send({ idNumber: person.idNumber, evidence: bankCardEvidence(idNumber) }));
    }
  });

  it('names the identity number that is not valid', async () => {
    const res = await send({ idNumber: `${RLO}${person.idNumber}`, evidence: bankCardEvidence(person.idNumber) });
    expect(res.json().error.code).toBe('invalid_id_number');
  });
});

describe('office input', () => {
  const activate = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/office/activations', headers: officer.headers, payload: payload as object });

  it('refuses malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/office/activations',
      headers: { ...officer.headers, 'content-type': 'application/json' },
      payload: '{"idNumber": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_json');
  });

  it('refuses unknown fields, wrong types and hostile identity numbers', async () => {
    const good = { idNumber: person.idNumber, documentChecked: true, documentType: 'national_id' };
    expect400(await activate({ ...good, activatedBy: officer.account.id }));
    expect400(await activate({ ...good, location: 'elsewhere' }));
    expect400(await activate({ ...good, documentChecked: 'true' }));
    expect400(await activate({ ...good, documentChecked: 1 }));
    expect400(await activate({ ...good, documentType: 'driving_licence' }));
    expect400(await activate({ idNumber: person.idNumber, documentType: 'national_id' }));
    for (const idNumber of hostileIdNumbers(person.idNumber)) expect400(await activate({ ...good, idNumber }));
  });

  it('refuses hostile identity numbers in the person look-up path', async () => {
    for (const idNumber of hostileIdNumbers(person.idNumber).filter((v) => v !== '' && v.length < 100)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/office/persons/${encodeURIComponent(idNumber)}`, headers: officer.headers });
      expect400(res);
    }
  });
});

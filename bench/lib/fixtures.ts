// The data each measurement needs, inserted straight into the database before the server
// starts, so that preparing it costs the measurement nothing. Every account has its own
// identity number and mobile: the login throttle and the daily code limit are per account
// and per mobile, and a benchmark that reused a handful of accounts would measure them.
import { randomBytes, randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/server/db/client';
import { accounts, challenges, registryPersons, sessions } from '../../src/server/db/schema';
import { makeIdentityNumber } from '../../src/domain/identity-number';
import { ARGON2_OPTIONS } from '../../src/server/modules/passwords/hasher';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/server/modules/sessions/store';
import { hmacSha256, newId, randomToken, sha256 } from '../../src/server/platform/crypto';

export const BENCH_PASSWORD = 'نخيل-الأحساء 2026 benchmark';

export type BenchAccount = { id: string; idNumber: string; mobile: string; username: string };

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table here. */
const CHUNK = 1000;

// High serials and a mobile block of their own keep clear of the sandbox's synthetic people.
const SERIAL_BASE = 90_000_000;
let nextSerial = 0;

let passwordHash: Promise<string> | undefined;

/** One real argon2id hash shared by every account: verifying it costs what any password costs. */
function benchPasswordHash(): Promise<string> {
  passwordHash ??= hash(BENCH_PASSWORD, ARGON2_OPTIONS);
  return passwordHash;
}

export async function insertAccounts(db: Db, n: number, status: 'active' | 'registered', withPersons = false): Promise<BenchAccount[]> {
  const pwHash = await benchPasswordHash();
  const now = new Date();
  const out: BenchAccount[] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const rows = [];
    const persons = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const serial = nextSerial++;
      const idNumber = makeIdentityNumber('citizen', SERIAL_BASE + serial);
      const mobile = `+96659${String(serial).padStart(7, '0')}`;
      rows.push({
        id: newId(),
        idNumber,
        username: `bench.${idNumber}`,
        email: null,
        mobile,
        nameAr: 'عبدالرحمن سعد العتيبي',
        nameEn: 'Abdulrahman Saad Alotaibi',
        language: 'ar' as const,
        status,
        passwordHash: pwHash,
        termsVersion: 1,
        createdAt: now,
        activationChannel: status === 'active' ? ('atm' as const) : null,
        activationLocation: status === 'active' ? 'atm-alrajhi' : null,
        activatedAt: status === 'active' ? now : null,
        activatedBy: null,
        passwordChangedAt: null,
      });
      if (withPersons) {
        persons.push({
          idNumber,
          kind: 'citizen' as const,
          nameAr: 'عبدالرحمن سعد العتيبي',
          nameEn: 'Abdulrahman Saad Alotaibi',
          gender: 'm',
          birthDate: `19${randomInt(60, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`,
          nationality: 'SAU',
          mobile,
          fingerprintRight: randomBytes(16),
          fingerprintLeft: randomBytes(16),
          passportNumber: `A${randomInt(1_000_000, 9_999_999)}`,
          passportIssuedOn: '2022-03-01',
          passportExpiresOn: '2032-02-28',
          maritalStatus: 'married' as const,
        });
      }
    }
    if (persons.length > 0) await db.insert(registryPersons).values(persons).onConflictDoNothing();
    // An identity the sandbox seeder happened to take is skipped, not fatal.
    const inserted = await db.insert(accounts).values(rows).onConflictDoNothing().returning({ id: accounts.id });
    const ok = new Set(inserted.map((r) => r.id));
    for (const r of rows) if (ok.has(r.id)) out.push({ id: r.id, idNumber: r.idNumber, mobile: r.mobile, username: r.username });
  }
  return out;
}

export type OpenChallenge = { id: string; code: string };

/**
 * Login challenges whose code the benchmark knows, exactly as the server would have stored
 * them after a correct password: the code only as HMAC(secret, "<challengeId>:<code>").
 */
export async function insertLoginChallenges(db: Db, secretKey: string, owners: BenchAccount[], n: number): Promise<OpenChallenge[]> {
  const now = new Date();
  // Valid long enough to outlast a slow server start; the code's lifetime is not what is measured.
  const expiresAt = new Date(now.getTime() + 30 * 60_000);
  const out: OpenChallenge[] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const owner = owners[i % owners.length]!;
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      rows.push({
        id,
        purpose: 'login' as const,
        registrationId: null,
        accountId: owner.id,
        mobile: owner.mobile,
        codeHash: hmacSha256(secretKey, `${id}:${code}`),
        createdAt: now,
        sentAt: now,
        expiresAt,
      });
      out.push({ id, code });
    }
    await db.insert(challenges).values(rows);
  }
  return out;
}

/** A live session per account, as a completed login leaves it; returns the bearer tokens. */
export async function insertSessions(db: Db, owners: BenchAccount[]): Promise<string[]> {
  const now = new Date();
  const tokens: string[] = [];
  for (let start = 0; start < owners.length; start += CHUNK) {
    const rows = owners.slice(start, start + CHUNK).map((owner) => {
      const token = randomToken();
      tokens.push(token);
      return {
        tokenHash: sha256(token),
        id: newId(),
        accountId: owner.id,
        csrfHash: sha256(randomToken()),
        createdAt: now,
        lastSeenAt: now,
        idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
        absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
        userAgent: 'absher-bench',
        ip: '127.0.0.1',
      };
    });
    await db.insert(sessions).values(rows);
  }
  return tokens;
}

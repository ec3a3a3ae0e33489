// argon2id hashing with back-pressure. Hashing is deliberately expensive; under a burst the
// hasher runs a few at a time, queues a bounded number, and refuses the rest with 429
// (rate_limited, Retry-After) instead of letting latency grow without bound.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../errors';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
// algorithm 2 is Argon2id in @node-rs/argon2's (const enum) Algorithm.
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export type PasswordHasherOptions = { concurrency?: number; maxQueue?: number };

export class PasswordHasher {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly maxQueue: number;
  /** A real hash of a random password, verified against when the account is unknown, so timing is the same. */
  private dummyHash: Promise<string> | undefined;

  constructor(opts: PasswordHasherOptions = {}) {
    this.concurrency = opts.concurrency ?? 4;
    this.maxQueue = opts.maxQueue ?? 256;
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hash(password, ARGON2_OPTIONS));
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.limited(() => verify(passwordHash, password).catch(() => false));
  }

  /** Spends the same work as a verification, for a login that matched no account. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= hash(`no-account-${Math.random()}`, ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new AppError('rate_limited', undefined, 1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

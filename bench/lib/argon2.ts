// The password ceiling: argon2id hashes per second with the server's parameters and the
// server's concurrency. No login can be faster than the hash it has to verify.
import os from 'node:os';
import { hash } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '../../src/server/modules/passwords/hasher';

/** What src/server/bootstrap.ts gives the PasswordHasher. */
export function serverHashConcurrency(): number {
  return Math.max(2, os.availableParallelism());
}

export async function argon2Ceiling(durationS: number, concurrency = serverHashConcurrency()): Promise<{ rate: number; hashes: number; concurrency: number }> {
  // One hash first: the native module loads and allocates on the first call.
  await hash('warm-up', ARGON2_OPTIONS);
  let hashes = 0;
  const started = performance.now();
  const end = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      while (performance.now() < end) {
        await hash(`bench-password-${lane}-${hashes}`, ARGON2_OPTIONS);
        hashes++;
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  return { rate: hashes / elapsedS, hashes, concurrency };
}

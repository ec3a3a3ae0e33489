import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Deps } from '../../deps';
import { challenges } from '../../db/schema';

export * from './challenges';

/** The registration's challenge (one per registration; a resend renews its code). */
export async function findChallengeForRegistration(db: Executor, registrationId: string) {
  const [row] = await db
    .select()
    .from(challenges)
    .where(and(eq(challenges.registrationId, registrationId), eq(challenges.purpose, 'registration')))
    .orderBy(desc(challenges.createdAt))
    .limit(1);
  return row;
}

/** What the code functions need from the dependencies. */
export function codeContext(deps: Pick<Deps, 'clock' | 'outbox' | 'config'>) {
  return { clock: deps.clock, outbox: deps.outbox, secretKey: deps.config.secretKey };
}

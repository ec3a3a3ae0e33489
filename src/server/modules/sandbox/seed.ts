import type { Deps } from '../../deps';

export type SeedResult = { persons: number; accounts: number; skipped: boolean };

/** Placeholder until the sandbox population generator lands. */
export async function seedSandbox(_deps: Deps, _opts: { persons: number; firstStartOnly: boolean }): Promise<SeedResult> {
  return { persons: 0, accounts: 0, skipped: true };
}

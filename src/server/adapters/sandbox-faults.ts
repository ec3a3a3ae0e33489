// Faults a sandbox agency can be made to show, so that the platform's answers to an agency
// that is down, slow or refusing can be seen and tested: set from the config at start and
// changed at run time through the sandbox API.
import { setTimeout as sleep } from 'node:timers/promises';
import { AgencyUnavailableError } from './population-registry/port';

export type FaultSettings = {
  /** Every call fails as if the agency could not be reached. */
  down: boolean;
  /** Each call answers after this many milliseconds. */
  delayMs: number;
  /** Of the approvals asked for, this share (0–100) is refused. */
  refusalPercent: number;
};

export class SandboxFaults {
  private settings: FaultSettings;

  /** timeoutMs: what the real client waits before giving up; a slower sandbox answer is a timeout too. */
  constructor(
    private readonly agency: string,
    initial: Partial<FaultSettings> = {},
    private readonly timeoutMs = 5000,
  ) {
    this.settings = { down: false, delayMs: 0, refusalPercent: 0, ...initial };
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  set(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    return this.get();
  }

  /** Called at the start of each sandbox call: fails, waits or times out as set. */
  async enter(): Promise<void> {
    const { down, delayMs } = this.settings;
    if (down) throw new AgencyUnavailableError(this.agency);
    if (delayMs <= 0) return;
    if (delayMs >= this.timeoutMs) {
      await sleep(this.timeoutMs);
      throw new AgencyUnavailableError(this.agency, new Error(`timed out after ${this.timeoutMs} ms`), `no answer in ${this.timeoutMs} ms`);
    }
    await sleep(delayMs);
  }

  /** Whether the approval with this reference is refused: a stable draw, so a repeated question gets the same answer. */
  refuses(reference: string): boolean {
    let h = 2166136261;
    for (let i = 0; i < reference.length; i++) h = Math.imul(h ^ reference.charCodeAt(i), 16777619);
    return (h >>> 0) % 100 < this.settings.refusalPercent;
  }
}

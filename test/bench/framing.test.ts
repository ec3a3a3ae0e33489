// The login benchmark's rule for which measured loop stands (bench/lib/framing.ts): a loop is
// measured again while the ceilings around it disagree, and what it measured plays no part.
import { describe, expect, it } from 'vitest';
import { ATTEMPTS, drift, framed, STEADY_CEILINGS } from '../../bench/lib/framing';

/** Ceilings handed out in order, and a loop that records the "before" it was given. */
function script(rates: number[], results: string[]) {
  const ceilings = rates.map((rate) => ({ rate }));
  const seenBefore: number[] = [];
  let c = 1;
  let r = 0;
  return {
    first: ceilings[0]!,
    ceiling: async () => ceilings[c++]!,
    loop: async (before: { rate: number }) => {
      seenBefore.push(before.rate);
      return results[r++]!;
    },
    seenBefore,
  };
}

describe('a loop framed by its ceilings', () => {
  it('stands at the first attempt when the ceilings agree within 5 %', async () => {
    const s = script([100, 104.9], ['only']);
    const attempts = await framed(s.first, s.ceiling, s.loop);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ run: 'only', before: { rate: 100 }, after: { rate: 104.9 }, steady: true });
  });

  it('is measured again while they move, the last "after" being the next "before"', async () => {
    // Up 8 %, then down 10 %, then steady.
    const s = script([100, 108, 97.2, 99], ['first', 'second', 'third']);
    const attempts = await framed(s.first, s.ceiling, s.loop);
    expect(attempts.map((a) => [a.run, a.before.rate, a.after.rate, a.steady])).toEqual([
      ['first', 100, 108, false],
      ['second', 108, 97.2, false],
      ['third', 97.2, 99, true],
    ]);
    expect(s.seenBefore).toEqual([100, 108, 97.2]);
  });

  it('stops after the last attempt, steady or not', async () => {
    const rates = Array.from({ length: ATTEMPTS + 2 }, (_, i) => (i % 2 ? 120 : 100));
    const s = script(rates, Array.from({ length: ATTEMPTS + 1 }, (_, i) => `run ${i + 1}`));
    const attempts = await framed(s.first, s.ceiling, s.loop);
    expect(attempts).toHaveLength(ATTEMPTS);
    expect(attempts.every((a) => !a.steady)).toBe(true);
    expect(attempts.at(-1)!.run).toBe(`run ${ATTEMPTS}`);
  });

  it('takes no notice of what the loop measured', async () => {
    // The same ceilings with opposite results give the same attempts.
    const good = script([100, 110, 111], ['fast', 'fast']);
    const bad = script([100, 110, 111], ['slow', 'slow']);
    const a = await framed(good.first, good.ceiling, good.loop);
    const b = await framed(bad.first, bad.ceiling, bad.loop);
    expect(a.map((x) => x.steady)).toEqual([false, true]);
    expect(b.map((x) => x.steady)).toEqual(a.map((x) => x.steady));
  });

  it('measures drift as the higher rate over the lower, either way', () => {
    expect(drift(100, 105)).toBeCloseTo(1.05);
    expect(drift(105, 100)).toBeCloseTo(1.05);
    expect(drift(100, 105) <= STEADY_CEILINGS).toBe(true);
    expect(drift(100, 105.1) <= STEADY_CEILINGS).toBe(false);
  });
});

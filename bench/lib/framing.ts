// A measured loop between two measurements of its ceiling. This host's speed drifts by up to a
// fifth within minutes, and a loop measured while it drifted says more about the host than
// about the server: such a loop is measured again, with the last "after" as the next "before".

/** The two ceilings around a loop must agree within this factor for the loop to stand. */
export const STEADY_CEILINGS = 1.05;
/** A loop whose ceilings disagree is measured again, at most this many times in all. */
export const ATTEMPTS = 4;

/** The higher of two rates over the lower. */
export function drift(a: number, b: number): number {
  return Math.max(a, b) / Math.min(a, b);
}

export type Framed<C extends { rate: number }, R> = { run: R; before: C; after: C; steady: boolean };

/**
 * Runs `loop` between `first` (or the previous attempt's "after") and a new `ceiling()`, again
 * while the two differ by more than STEADY_CEILINGS, at most ATTEMPTS times. Which attempt
 * stands depends on the ceilings alone, never on what the loop measured; every attempt is
 * returned, the one that stands last.
 */
export async function framed<C extends { rate: number }, R>(
  first: C,
  ceiling: () => Promise<C>,
  loop: (before: C) => Promise<R>,
): Promise<Array<Framed<C, R>>> {
  const attempts: Array<Framed<C, R>> = [];
  let before = first;
  for (;;) {
    const run = await loop(before);
    const after = await ceiling();
    const steady = drift(before.rate, after.rate) <= STEADY_CEILINGS;
    attempts.push({ run, before, after, steady });
    if (steady || attempts.length >= ATTEMPTS) return attempts;
    before = after;
  }
}

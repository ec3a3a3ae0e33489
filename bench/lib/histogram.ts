// Latency percentiles for the loops that autocannon cannot drive (the multi-step login).
// Values are kept in microseconds so that sub-millisecond steps keep their resolution.
import { build, type Histogram } from 'hdr-histogram-js';

export type LatencySummary = { count: number; mean: number; p50: number; p90: number; p99: number; max: number };

export class LatencyRecorder {
  private readonly hist: Histogram = build({
    lowestDiscernibleValue: 1,
    // An hour: nothing a benchmark waits for lasts longer, and recordValue throws above it.
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  recordMs(ms: number): void {
    this.hist.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.hist.totalCount;
  }

  summary(): LatencySummary {
    const ms = (us: number) => Math.round(us / 10) / 100;
    if (this.hist.totalCount === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    return {
      count: this.hist.totalCount,
      mean: ms(this.hist.mean),
      p50: ms(this.hist.getValueAtPercentile(50)),
      p90: ms(this.hist.getValueAtPercentile(90)),
      p99: ms(this.hist.getValueAtPercentile(99)),
      max: ms(this.hist.maxValue),
    };
  }
}

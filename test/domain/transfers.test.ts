// The transfer of services rules that need no database: the fee by transfer count, the
// release waivers at their boundaries, and the next day an establishment may receive one.
import { describe, expect, it } from 'vitest';
import { nextTransferDay, releaseWaiver, transferFeeKey } from '../../src/domain/transfers';

describe('the fee by the worker’s transfer count', () => {
  it.each([
    [0, 'first_transfer_halalas'],
    [1, 'second_transfer_halalas'],
    [2, 'third_transfer_halalas'],
    // The published schedule stops at the third: later transfers pay the third rate.
    [3, 'third_transfer_halalas'],
    [7, 'third_transfer_halalas'],
  ] as const)('after %i issued transfers: %s', (previous, key) => {
    expect(transferFeeKey(previous)).toBe(key);
  });
});

describe('release waivers', () => {
  const today = '2026-05-15';
  it.each([
    ['an iqama valid through today', { iqama: { expiresOn: '2026-05-15' } }, null],
    ['an iqama that expired yesterday and was not renewed', { iqama: { expiresOn: '2026-05-14' } }, 'iqama_expired'],
    ['an iqama expired long ago, arrival unknown', { iqama: { expiresOn: '2024-01-01' }, arrivedOn: null }, 'iqama_expired'],
    ['no iqama, arrived exactly 3 months ago (still within the period)', { iqama: null, arrivedOn: '2026-02-15' }, null],
    ['no iqama, arrived 3 months and a day ago', { iqama: null, arrivedOn: '2026-02-14' }, 'no_iqama_after_arrival'],
    ['no iqama, arrived last week', { iqama: null, arrivedOn: '2026-05-08' }, null],
    ['no iqama, arrival unknown', { iqama: null, arrivedOn: null }, null],
    ['a valid iqama issued late after arrival', { iqama: { expiresOn: '2027-01-01' }, arrivedOn: '2025-01-01' }, null],
  ] as const)('%s: %s', (_n, worker, waiver) => {
    expect(releaseWaiver(worker, today, 3)).toBe(waiver);
  });

  it('counts calendar months, clamped at the month’s end', () => {
    // 30 November + 3 months = 28 February: the waiver applies from 1 March.
    expect(releaseWaiver({ iqama: null, arrivedOn: '2025-11-30' }, '2026-02-28', 3)).toBeNull();
    expect(releaseWaiver({ iqama: null, arrivedOn: '2025-11-30' }, '2026-03-01', 3)).toBe('no_iqama_after_arrival');
  });
});

describe('one transfer per establishment per interval', () => {
  it('the next transfer may be received on the same day of the month, the interval later', () => {
    expect(nextTransferDay('2026-01-15', 3)).toBe('2026-04-15');
    expect(nextTransferDay('2025-11-30', 3)).toBe('2026-02-28');
  });
});

// The rules of a transfer of services (a worker moving to a new sponsoring establishment)
// that need no database: which fee applies by the worker's transfer count, when the current
// sponsor's release is waived, and when an establishment may receive its next transfer.
import { addMonths, type IsoDate } from './calendar';

/**
 * The fee parameter for a worker's next transfer, by how many transfers of theirs were issued
 * before: the first, the second, the third rate. The published schedule stops at the third;
 * a fourth and later transfer is charged at the third rate (our reading: the schedule's top
 * rate, not a free transfer and not a refusal).
 */
export function transferFeeKey(previousTransfers: number): 'first_transfer_halalas' | 'second_transfer_halalas' | 'third_transfer_halalas' {
  if (previousTransfers <= 0) return 'first_transfer_halalas';
  if (previousTransfers === 1) return 'second_transfer_halalas';
  return 'third_transfer_halalas';
}

export type ReleaseWaiver = 'iqama_expired' | 'no_iqama_after_arrival';

/**
 * Why the current sponsor's release is not needed, or null when it is:
 * - the worker's iqama expired and the sponsor did not renew it (valid through its expiry day);
 * - no iqama was issued within `arrivalMonths` of the worker's arrival: from the day after
 *   arrival + `arrivalMonths` (the last day of the period still counts as within it).
 * A worker whose arrival day is unknown and who holds no iqama needs the release.
 */
export function releaseWaiver(worker: { iqama: { expiresOn: IsoDate } | null; arrivedOn?: IsoDate | null | undefined }, today: IsoDate, arrivalMonths: number): ReleaseWaiver | null {
  if (worker.iqama) return worker.iqama.expiresOn < today ? 'iqama_expired' : null;
  if (worker.arrivedOn && addMonths(worker.arrivedOn, arrivalMonths) < today) return 'no_iqama_after_arrival';
  return null;
}

/**
 * The first day an establishment may receive a transfer again after one issued on
 * `lastIssuedOn`: one transfer per establishment per `intervalMonths`.
 */
export function nextTransferDay(lastIssuedOn: IsoDate, intervalMonths: number): IsoDate {
  return addMonths(lastIssuedOn, intervalMonths);
}

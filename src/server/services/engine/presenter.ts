// What leaves about a request: the fields listed here, nothing else.
import { datePair } from '../../../domain/calendar';
import { allowedActions } from '../../../domain/requests/lifecycle';
import type { bills, requestEvents, serviceRequests } from '../../db/schema';
import { findService, labelFeeLines } from '../catalogue';

type RequestRow = typeof serviceRequests.$inferSelect;
type BillRow = typeof bills.$inferSelect;
type EventRow = typeof requestEvents.$inferSelect;
type Party = { name: { ar: string; en: string } | null; idNumberMasked: string };

export function presentBill(b: BillRow) {
  return {
    billNumber: b.billNumber,
    amountHalalas: b.amountHalalas,
    status: b.status,
    createdAt: b.createdAt.toISOString(),
    expiresAt: b.expiresAt.toISOString(),
    paidAt: b.paidAt?.toISOString() ?? null,
    receiptId: b.receiptId,
    refundStatus: b.refundStatus,
  };
}

export function presentRequest(
  r: RequestRow,
  extra: {
    bills: BillRow[];
    events?: EventRow[];
    beneficiaryName?: { ar: string; en: string } | null;
    viewer?: { accountId: string; idNumber: string };
    /** When a delegate applied: the holder they acted for and the delegate, as the portal names them. */
    delegation?: { grantor: Party; delegate: Party } | null;
    /** When an establishment applied: its name, by unified number. */
    establishmentNames?: ReadonlyMap<string, { ar: string; en: string }>;
  },
) {
  const def = findService(r.service);
  return {
    id: r.id,
    number: r.number,
    service: r.service,
    serviceName: def?.name ?? { ar: r.service, en: r.service },
    status: r.status,
    beneficiary: { idNumber: r.beneficiaryIdNumber, name: extra.beneficiaryName ?? null },
    relation: r.relation,
    byDelegate: r.onBehalfOfAccountId !== null,
    delegation: extra.delegation ?? null,
    appliedByYou: extra.viewer ? extra.viewer.accountId === r.applicantAccountId : undefined,
    // Whether the viewer is one of those whose consent the request asks for (a guardian, or
    // the worker an establishment asks to take on): others who see it do not decide.
    consentFromYou: extra.viewer ? (r.consentFrom ?? []).includes(extra.viewer.idNumber) : undefined,
    establishmentId: r.establishmentId,
    establishmentName: r.establishmentId ? (extra.establishmentNames?.get(r.establishmentId) ?? null) : null,
    releaseFrom: r.releaseFrom,
    input: r.input,
    fee: { totalHalalas: r.feeHalalas, lines: labelFeeLines(r.service, r.feeLines) },
    bills: extra.bills.map(presentBill),
    outcome: r.outcome ?? null,
    allowedActions: allowedActions(r.status),
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdOn: datePair(r.createdAt.toISOString().slice(0, 10)),
    events: extra.events?.map((e) => ({
      at: e.at.toISOString(),
      from: e.fromStatus,
      to: e.toStatus,
      actorKind: e.actorKind,
      onBehalfOf: e.onBehalfOf !== null,
      details: e.details,
    })),
  };
}

export type PresentedRequest = ReturnType<typeof presentRequest>;

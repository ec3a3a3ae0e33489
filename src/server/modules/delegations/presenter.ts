// What leaves about an authorization: the fields listed here, nothing else. The other party
// appears by name and a masked identity number; no mobile, no account id.
import type { z } from 'zod';
import { datePair } from '../../../domain/calendar';
import type { auditLog, bills, serviceRequests } from '../../db/schema';
import { findService } from '../../services/catalogue';
import type { DelegationRow, PartyRow } from './repository';
import { serviceName } from './establishment-scope';
import type { Names } from './names';
import { canRevoke, delegationStatus, maskIdNumber, periodDays } from './rules';
import type { activityView, givenView, receivedView } from './schemas';

type Party = Pick<PartyRow, 'idNumber'>;

function base(d: DelegationRow, now: Date) {
  const { startsOn, endsOn } = periodDays(d.startsAt, d.endsAt);
  return {
    id: d.id,
    services: d.services.map((code) => ({ code, name: serviceName(code) })),
    period: { startsOn: datePair(startsOn), endsOn: datePair(endsOn), startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() },
    status: delegationStatus(d, now),
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    establishmentId: d.establishmentId,
  };
}

function presentParty(p: Party, names: Map<string, Names | null>) {
  return { name: names.get(p.idNumber) ?? null, idNumberMasked: maskIdNumber(p.idNumber) };
}

export function presentGiven(d: DelegationRow, delegate: Party, names: Map<string, Names | null>, now: Date): z.infer<typeof givenView> {
  const view = base(d, now);
  return { ...view, delegate: presentParty(delegate, names), canRevoke: canRevoke(view.status) };
}

export function presentReceived(d: DelegationRow, grantor: Party, names: Map<string, Names | null>, now: Date): z.infer<typeof receivedView> {
  return { ...base(d, now), grantor: presentParty(grantor, names) };
}

type RequestRow = typeof serviceRequests.$inferSelect;
type BillRow = typeof bills.$inferSelect;
type AuditRow = typeof auditLog.$inferSelect;

function documentsOf(r: RequestRow) {
  const docs = (r.outcome as { documents?: Array<{ kind: string; number: string; expiresOn: string }> } | null)?.documents ?? [];
  return docs.map((d) => ({ kind: d.kind, number: d.number, expiresOn: d.expiresOn }));
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function presentActivity(
  a: { delegation: DelegationRow; party: Party; requests: RequestRow[]; bills: BillRow[]; entries: AuditRow[]; names: Map<string, Names | null> },
  now: Date,
): z.infer<typeof activityView> {
  const numbers = new Map(a.requests.map((r) => [r.id, r.number]));
  return {
    delegation: presentGiven(a.delegation, a.party, a.names, now),
    requests: a.requests.map((r) => ({
      id: r.id,
      number: r.number,
      service: r.service,
      serviceName: findService(r.service)?.name ?? { ar: r.service, en: r.service },
      status: r.status,
      beneficiaryIdNumber: r.beneficiaryIdNumber,
      feeHalalas: r.feeHalalas,
      bills: a.bills.filter((b) => b.requestId === r.id).map((b) => ({ billNumber: b.billNumber, amountHalalas: b.amountHalalas, status: b.status })),
      documents: documentsOf(r),
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    // Only named fields of the audit details leave: the record may hold more than the holder needs.
    actions: a.entries.map((e) => {
      const requestId = str(e.details['requestId']);
      return {
        at: e.at.toISOString(),
        action: e.action,
        channel: e.channel,
        service: str(e.details['service']),
        request: requestId ? { id: requestId, number: numbers.get(requestId) ?? null } : null,
        status: str(e.details['to']),
      };
    }),
  };
}

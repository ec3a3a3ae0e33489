// The life of a service request, as a table the compiler checks for completeness: which
// action is allowed in which status, and where it leads.
import type { RequestStatus } from '../../server/db/schema';

export type RequestAction = 'consent' | 'decline' | 'release' | 'refuse_release' | 'pay' | 'cancel' | 'expire' | 'issue' | 'reject';

export const lifecycle = {
  // A consent is awaited (a minor's guardian, or the worker asked to move); then the current
  // sponsor's release when no waiver applies, payment or submission.
  awaiting_consent: { consent: ['awaiting_release', 'awaiting_payment', 'submitted'], decline: ['cancelled'], cancel: ['cancelled'] },
  // A transfer of services: the current establishment releases the worker, or refuses to.
  awaiting_release: { release: ['awaiting_payment', 'submitted'], refuse_release: ['rejected'], cancel: ['cancelled'] },
  awaiting_payment: { pay: ['submitted'], cancel: ['cancelled'], expire: ['cancelled'] },
  // Paid (or free): eligibility is checked again at fulfilment, against today's agency data.
  submitted: { issue: ['issued'], reject: ['rejected'] },
  issued: {},
  rejected: {},
  cancelled: {},
} as const satisfies Record<RequestStatus, Partial<Record<RequestAction, readonly RequestStatus[]>>>;

export const OPEN_STATUSES = ['awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted'] as const satisfies readonly RequestStatus[];

export function allowedActions(status: RequestStatus): RequestAction[] {
  return Object.keys(lifecycle[status]) as RequestAction[];
}

export function canMove(status: RequestStatus, action: RequestAction, to: RequestStatus): boolean {
  const targets = (lifecycle[status] as Partial<Record<RequestAction, readonly RequestStatus[]>>)[action];
  return !!targets && targets.includes(to);
}

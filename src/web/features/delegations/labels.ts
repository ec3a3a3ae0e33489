// The colour of an authorization's status: in force stands out, ended ones recede.
import type { DelegationStatus } from '../../api/delegations';

export function delegationStatusColor(status: DelegationStatus): string {
  return status === 'in_force' ? 'absher' : status === 'scheduled' ? 'blue' : status === 'revoked' ? 'red' : 'gray';
}

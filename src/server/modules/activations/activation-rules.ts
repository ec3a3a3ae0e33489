// The rules of activation as data: which evidence each kind of channel client may present,
// and what an activation request does in each account state. The compiler checks that every
// kind and every state has an answer; the rules are tested without a database.
import type { ChannelClientConfig } from '../../config';

export type ActivationChannel = 'office' | 'atm' | 'kiosk';
export type AccountStatus = 'registered' | 'active' | 'suspended';
export type EvidenceType = 'bank_card' | 'fingerprints';
export type ChannelClientKind = ChannelClientConfig['kind'];

/** A bank proves its cardholder; a kiosk proves both index fingerprints. Nothing else is accepted. */
export const EVIDENCE_BY_CLIENT_KIND = {
  atm: 'bank_card',
  kiosk: 'fingerprints',
} as const satisfies Record<ChannelClientKind, EvidenceType>;

/** The activation channel recorded for a client kind. */
export const CHANNEL_BY_CLIENT_KIND = {
  atm: 'atm',
  kiosk: 'kiosk',
} as const satisfies Record<ChannelClientKind, ActivationChannel>;

export type ActivationRefusal = 'account_already_active' | 'activation_account_suspended';

export type ActivationDecision =
  | { kind: 'activate' }
  /** Already active by the requested channel: answer as the first time, change nothing. */
  | { kind: 'repeat' }
  | { kind: 'refuse'; code: ActivationRefusal };

type Rule = (current: ActivationChannel | null, requested: ActivationChannel) => ActivationDecision;

const BY_STATUS = {
  registered: () => ({ kind: 'activate' }),
  // A bank retrying after a lost answer must get the same 200; another channel must not
  // overwrite where and when the identity was proven.
  active: (current, requested) => (current === requested ? { kind: 'repeat' } : { kind: 'refuse', code: 'account_already_active' }),
  // Only a supervisor lifts a suspension; activating would silently undo it.
  suspended: () => ({ kind: 'refuse', code: 'activation_account_suspended' }),
} as const satisfies Record<AccountStatus, Rule>;

export function decideActivation(
  account: { status: AccountStatus; activationChannel: ActivationChannel | null },
  requested: ActivationChannel,
): ActivationDecision {
  return BY_STATUS[account.status](account.activationChannel, requested);
}

// What leaves about an activation: these fields and nothing else.
import type { ActivatedAccount } from './activate-account';
import type { ActivationChannel } from './activation-rules';

export type ActivationView<C extends ActivationChannel = ActivationChannel> = {
  accountId: string;
  status: 'active';
  channel: C;
  activatedAt: string;
  location: string;
};

export function presentActivation<C extends ActivationChannel>(a: ActivatedAccount<C>): ActivationView<C> {
  return {
    accountId: a.accountId,
    status: a.status,
    channel: a.channel,
    activatedAt: a.activatedAt.toISOString(),
    location: a.location,
  };
}

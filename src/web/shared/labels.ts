// Names for the codes the API returns (channels, channel clients, statuses).
import type { TFunction } from 'i18next';
import type { AccountStatus, ActivationChannel } from '../api/types';

export function channelLabel(t: TFunction, channel: ActivationChannel | string): string {
  switch (channel) {
    case 'office':
      return t('channels.office');
    case 'atm':
      return t('channels.atm');
    case 'kiosk':
      return t('channels.kiosk');
    default:
      return channel;
  }
}

/** A channel client id (atm-alrajhi, kiosk-airports) or an office id, named when known. */
export function locationLabel(t: TFunction, location: string): string {
  switch (location) {
    case 'atm-alrajhi':
      return t('activation.banks.alrajhi');
    case 'atm-riyadbank':
      return t('activation.banks.riyadbank');
    case 'atm-samba':
      return t('activation.banks.samba');
    case 'atm-alinma':
      return t('activation.banks.alinma');
    case 'kiosk-airports':
      return t('channels.kioskFleet');
    default:
      return location;
  }
}

export function statusLabel(t: TFunction, status: AccountStatus | string): string {
  switch (status) {
    case 'registered':
      return t('statuses.registered');
    case 'active':
      return t('statuses.active');
    case 'suspended':
      return t('statuses.suspended');
    case 'locked':
      return t('statuses.locked');
    default:
      return status;
  }
}

export function statusColor(status: string): string {
  return status === 'active' ? 'absher' : status === 'registered' ? 'blue' : 'red';
}

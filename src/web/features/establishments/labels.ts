// The words for the codes the establishments API answers with; an unknown code is shown as is.
import type { TFunction } from 'i18next';
import { ar } from '../../i18n/ar';

const E = ar.establishments;

function has<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function regionLabel(t: TFunction, region: string): string {
  return has(E.regions, region) ? t(`establishments.regions.${region}`) : region;
}

export function cardStatusLabel(t: TFunction, status: string): string {
  return has(E.cards.statuses, status) ? t(`establishments.cards.statuses.${status}`) : status;
}

export function cardStatusColor(status: string): string {
  return status === 'handed_over' ? 'absher' : status === 'ready' ? 'blue' : 'orange';
}

export function outcomeLabel(t: TFunction, outcome: string): string {
  return has(E.renew.outcomes, outcome) ? t(`establishments.renew.outcomes.${outcome}`) : outcome;
}

export function outcomeColor(outcome: string): string {
  return outcome === 'submitted' ? 'absher' : outcome === 'conflict' ? 'orange' : 'red';
}

/** Expired and not-issued are red; expiring soon orange. */
export function warningColor(code: string): string {
  return code.endsWith('_expiring') ? 'orange' : 'red';
}

// What leaves about an audit entry: when, what (a label in both languages, and the service
// for requests), who (a kind with its label, a name only for accounts, an office for
// officers) and on whose behalf. No identity numbers, account ids, officer ids or details.
import { datePair } from '../../../domain/calendar';
import type { Text } from '../../services/definition';
import { findService } from '../../services/catalogue';
import { kingdomToday } from '../../services/engine/requests';
import { actionLabel } from './action-labels';
import type { AccessEntry, AccessLogPage, ActorKind } from './read-access-log';

export const ACTOR_LABELS = {
  self: { ar: 'أنت', en: 'You' },
  officer: { ar: 'موظف جوازات', en: 'A passports officer' },
  delegate: { ar: 'مفوَّض', en: 'A delegate' },
  head_of_family: { ar: 'رب الأسرة', en: 'Your head of family' },
  sponsor: { ar: 'الكفيل', en: 'Your sponsor' },
  account_holder: { ar: 'مستخدم في أبشر', en: 'An Absher user' },
  bank: { ar: 'بنك عبر الصراف الآلي', en: 'A bank, through its ATMs' },
  kiosk: { ar: 'أجهزة الخدمة الذاتية في المطارات', en: 'An airport self-service kiosk' },
  channel: { ar: 'جهة مرتبطة بأبشر', en: 'A connected partner' },
  system: { ar: 'النظام', en: 'The system' },
  anonymous: { ar: 'شخص لم يسجّل الدخول', en: 'Someone not logged in' },
} as const satisfies Record<ActorKind, Text>;

function serviceOf(details: Record<string, unknown>) {
  const code = details.service;
  if (typeof code !== 'string') return null;
  return { code, name: findService(code)?.name ?? { ar: code, en: code } };
}

function requestIdOf(details: Record<string, unknown>): string | null {
  return typeof details.requestId === 'string' ? details.requestId : null;
}

export function presentEntry({ row, actor, onBehalfOf }: AccessEntry) {
  const details = row.details;
  return {
    at: row.at.toISOString(),
    on: datePair(kingdomToday(row.at)),
    action: row.action,
    what: actionLabel(row.action),
    service: serviceOf(details),
    requestId: requestIdOf(details),
    channel: row.channel,
    who: { kind: actor.kind, label: ACTOR_LABELS[actor.kind], name: actor.name, office: actor.office },
    onBehalfOf: onBehalfOf ? { kind: onBehalfOf.kind, label: ACTOR_LABELS[onBehalfOf.kind], name: onBehalfOf.name } : null,
  };
}

export function presentAccessLog(page: AccessLogPage) {
  return { entries: page.entries.map(presentEntry), nextCursor: page.nextCursor };
}

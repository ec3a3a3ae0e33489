// Who looked at my data: the audit entries about the holder, with each actor named as the
// holder is entitled to know them. An account acting is named (from the accounts table) and
// placed: the holder, their head of family, their sponsor, a delegate, or another user. An
// officer is shown by office, never by name or number; a bank or kiosk by its network.
import type { Deps } from '../../deps';
import type { Text } from '../../services/definition';
import { channelClientName } from '../activations/activation-notice';
import { accountsByIds, auditRowsAbout, officeNames, type AccountName, type AuditRow, type Cursor } from './repository';

export type ActorKind = 'self' | 'officer' | 'delegate' | 'head_of_family' | 'sponsor' | 'account_holder' | 'bank' | 'kiosk' | 'channel' | 'system' | 'anonymous';
type AccountKind = Extract<ActorKind, 'self' | 'head_of_family' | 'sponsor' | 'account_holder'>;

export type AccessEntry = {
  row: AuditRow;
  actor: { kind: ActorKind; name: Text | null; office: Text | null };
  onBehalfOf: { kind: AccountKind; name: Text | null } | null;
};

export type AccessLogPage = { entries: AccessEntry[]; nextCursor: string | null };

type LogDeps = Pick<Deps, 'database' | 'registry' | 'config' | 'logger'>;
type Holder = { accountId: string; idNumber: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(row: Pick<AuditRow, 'at' | 'id'>): string {
  return `${row.at.getTime()}.${row.id}`;
}

export function decodeCursor(cursor: string): Cursor {
  const [at, id] = cursor.split('.').map(Number) as [number, number];
  return { at: new Date(at), id };
}

export async function readAccessLog(deps: LogDeps, holder: Holder, opts: { limit: number; before?: string | undefined }): Promise<AccessLogPage> {
  const db = deps.database.db;
  const rows = await auditRowsAbout(db, holder, opts.limit + 1, opts.before ? decodeCursor(opts.before) : null);
  const page = rows.slice(0, opts.limit);

  const accountIds = new Set<string>();
  const officeIds = new Set<string>();
  for (const r of page) {
    if (r.actorKind === 'account' && r.actorId && UUID.test(r.actorId)) accountIds.add(r.actorId);
    if (r.onBehalfOf && UUID.test(r.onBehalfOf)) accountIds.add(r.onBehalfOf);
    const office = officeOf(r);
    if (r.actorKind === 'officer' && office) officeIds.add(office);
  }
  accountIds.delete(holder.accountId);
  const [accounts, offices] = await Promise.all([accountsByIds(db, [...accountIds]), officeNames(db, [...officeIds])]);
  const people = await householdOf(deps, holder, accounts.size > 0);
  const names = await namesOf(deps, [...accounts.values()]);

  const describe = (accountId: string, recorded?: unknown): { kind: AccountKind; name: Text | null } => {
    if (accountId === holder.accountId) return { kind: 'self', name: null };
    const a = accounts.get(accountId);
    if (!a) return { kind: 'account_holder', name: null };
    // How the viewer stood to the holder when it happened, when the entry recorded it.
    const kind: AccountKind =
      recorded === 'family' ? 'head_of_family' : recorded === 'domestic_worker' || recorded === 'establishment_worker' ? 'sponsor' : people.heads.has(a.idNumber) ? 'head_of_family' : people.sponsor === a.idNumber ? 'sponsor' : 'account_holder';
    return { kind, name: names.get(a.id) ?? null };
  };

  const entries = page.map((row): AccessEntry => {
    const onBehalfOf = row.onBehalfOf && UUID.test(row.onBehalfOf) ? describe(row.onBehalfOf) : null;
    return { row, actor: actorOf(deps, row, describe, offices), onBehalfOf };
  });
  return { entries, nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!) : null };
}

function officeOf(r: AuditRow): string | null {
  const d = r.details as { officeId?: unknown; location?: unknown };
  const id = d.officeId ?? (r.channel === 'office' ? d.location : undefined);
  return typeof id === 'string' ? id : null;
}

function actorOf(
  deps: LogDeps,
  row: AuditRow,
  describe: (accountId: string, recorded?: unknown) => { kind: AccountKind; name: Text | null },
  offices: Map<string, Text>,
): AccessEntry['actor'] {
  switch (row.actorKind) {
    case 'account': {
      if (!row.actorId) return { kind: 'account_holder', name: null, office: null };
      const who = describe(row.actorId, (row.details as { relation?: unknown }).relation);
      // Acting under someone else's authorization: a delegate, whatever else they are.
      const delegate = row.onBehalfOf !== null && row.onBehalfOf !== row.actorId;
      return { kind: delegate && who.kind !== 'self' ? 'delegate' : who.kind, name: who.name, office: null };
    }
    case 'officer': {
      const office = officeOf(row);
      return { kind: 'officer', name: null, office: office ? (offices.get(office) ?? null) : null };
    }
    case 'channel': {
      const client = deps.config.channelClients.find((c) => c.id === row.actorId);
      const kind = client?.kind === 'atm' ? 'bank' : client?.kind === 'kiosk' ? 'kiosk' : 'channel';
      return { kind, name: row.actorId ? channelClientName(row.actorId) : null, office: null };
    }
    case 'system':
      return { kind: 'system', name: null, office: null };
    case 'anonymous':
      return { kind: 'anonymous', name: null, office: null };
  }
}

/** The holder's heads of family and sponsor, to place the accounts that acted; asked only when some did. */
async function householdOf(deps: LogDeps, holder: Holder, needed: boolean): Promise<{ heads: Set<string>; sponsor: string | null }> {
  if (!needed) return { heads: new Set(), sponsor: null };
  try {
    const [person, heads] = await Promise.all([deps.registry.findPerson(holder.idNumber), deps.registry.headsOf(holder.idNumber)]);
    return { heads: new Set(heads.map((h) => h.headIdNumber)), sponsor: person?.sponsor?.kind === 'person' ? person.sponsor.id : null };
  } catch (err) {
    // The log is still worth showing without the registry: such accounts are shown as users.
    deps.logger.warn({ err: String(err) }, 'access log: registry unavailable, relations not resolved');
    return { heads: new Set(), sponsor: null };
  }
}

/** Names as the accounts table keeps them; accounts loaded in bulk have none, and the registry does. */
async function namesOf(deps: LogDeps, accounts: AccountName[]): Promise<Map<string, Text>> {
  const names = new Map<string, Text>();
  await Promise.all(
    accounts.map(async (a) => {
      if (a.nameAr && a.nameEn) return names.set(a.id, { ar: a.nameAr, en: a.nameEn });
      const person = await deps.registry.findPerson(a.idNumber).catch(() => null);
      if (person) names.set(a.id, { ar: person.name.ar, en: person.name.en });
    }),
  );
  return names;
}

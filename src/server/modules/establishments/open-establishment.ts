// The owner opens an establishment on the platform: the labour ministry must record the
// account's holder as its owner. The row and its audit record commit together; the labour
// ministry is asked before the transaction (a transaction never waits on the outside world).
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { audit, type AuditChannel } from '../../platform/audit';
import type { Establishment } from '../../adapters/labour/port';
import { insertEstablishment, type EstablishmentRow } from './repository';

export type OpenCommand = {
  owner: { accountId: string; idNumber: string };
  establishmentId: string;
  meta: { requestId: string; channel: AuditChannel };
};

export async function openEstablishment(deps: Pick<Deps, 'database' | 'clock' | 'labour'>, cmd: OpenCommand): Promise<{ row: EstablishmentRow; labour: Establishment }> {
  const labour = await deps.labour.findEstablishment(cmd.establishmentId);
  if (!labour) throw new AppError('establishment_not_found');
  if (labour.ownerIdNumber !== cmd.owner.idNumber) throw new AppError('establishment_not_owned');
  const now = deps.clock.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const created = await insertEstablishment(tx, {
      id: labour.id,
      ownerAccountId: cmd.owner.accountId,
      nameAr: labour.name.ar,
      nameEn: labour.name.en,
      region: labour.region,
      openedAt: now,
    });
    if (!created) throw new AppError('establishment_already_opened');
    await audit(tx, {
      at: now,
      action: 'establishment.opened',
      actor: { kind: 'account', id: cmd.owner.accountId },
      subjectAccountId: cmd.owner.accountId,
      channel: cmd.meta.channel,
      requestId: cmd.meta.requestId,
      details: { establishmentId: labour.id },
    });
    return created;
  });
  return { row, labour };
}

// Staff authorizations: the owner authorizes a Saudi citizen with an active account for named
// services of the establishment over a period, lists them and revokes one at once. They are
// e-authorizations scoped to the establishment (../delegations), under the same rules.
import type { Deps } from '../../deps';
import type { AuditChannel } from '../../platform/audit';
import { grantDelegation } from '../delegations/grant-delegation';
import { committed } from '../delegations/in-transaction';
import { nameOrMask, namesOf, type Names } from '../delegations/names';
import { findParty, staffOf } from '../delegations/repository';
import { revokeDelegation } from '../delegations/revoke-delegation';
import { AppError } from '../../errors';
import { ownerOf } from './access';

type Meta = { requestId: string; channel: AuditChannel };

/** The owner as the staff member's SMS names them: with the establishment's name. */
async function grantorOf(deps: Deps, accountId: string, est: { nameAr: string; nameEn: string }) {
  const account = await findParty(deps.database.db, accountId);
  if (!account) throw new AppError('account_not_found');
  const n = nameOrMask((await namesOf(deps, [account])).get(account.idNumber), account.idNumber);
  const name: Names = { ar: `${n.ar} (${est.nameAr})`, en: `${n.en} (${est.nameEn})` };
  return { accountId: account.id, idNumber: account.idNumber, name };
}

export async function authorizeStaff(
  deps: Deps,
  accountId: string,
  establishmentId: string,
  body: { staffIdNumber: string; services: string[]; startsOn?: string | undefined; endsOn: string },
  meta: Meta,
) {
  const owner = await ownerOf(deps, accountId, establishmentId);
  const grantor = await grantorOf(deps, accountId, owner.establishment);
  return committed(deps, (tx) =>
    grantDelegation(tx, deps, {
      grantor,
      delegateIdNumber: body.staffIdNumber,
      services: body.services,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      establishmentId,
      meta,
    }),
  );
}

export async function listStaff(deps: Deps, accountId: string, establishmentId: string) {
  await ownerOf(deps, accountId, establishmentId);
  const rows = await staffOf(deps.database.db, accountId, establishmentId);
  const names = await namesOf(
    deps,
    rows.map((r) => r.party),
  );
  return { rows, names };
}

export async function revokeStaff(deps: Deps, accountId: string, establishmentId: string, delegationId: string, meta: Meta) {
  const owner = await ownerOf(deps, accountId, establishmentId);
  const grantor = await grantorOf(deps, accountId, owner.establishment);
  return committed(deps, (tx) => revokeDelegation(tx, deps, { grantor, delegationId, establishmentId, meta }));
}

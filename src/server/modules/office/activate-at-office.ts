// Activation at a passports office: an officer has seen the person and the original document.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { offices } from '../../db/schema';
import type { Deps } from '../../deps';
import { identityKind } from '../../../domain/identity-number';
import { AppError } from '../../errors';
import { activateAccount, type ActivatedAccount } from '../activations/activate-account';
import type { PlaceName } from '../activations/activation-notice';
import { documentProvesIdentity, type IdentityDocument } from './document-rules';

export type Officer = { accountId: string; officeId: string | null };

export type OfficeActivationInput = {
  officer: Officer;
  idNumber: string;
  documentChecked: boolean;
  documentType: IdentityDocument;
  requestId: string;
};

export async function activateAtOffice(
  deps: Pick<Deps, 'database' | 'clock' | 'outbox'>,
  input: OfficeActivationInput,
): Promise<ActivatedAccount<'office'>> {
  const officeId = input.officer.officeId;
  // The office is where the identity was proven; without one there is nothing to record.
  if (!officeId) throw new AppError('officer_without_office');
  if (!input.documentChecked) throw new AppError('original_document_not_checked');
  if (!documentProvesIdentity(identityKind(input.idNumber), input.documentType)) {
    throw new AppError('document_not_valid_for_identity');
  }

  const result = await deps.database.db.transaction(async (tx) =>
    activateAccount(tx, deps, {
      idNumber: input.idNumber,
      channel: 'office',
      location: officeId,
      place: await officeName(tx, officeId),
      activatedBy: input.officer.accountId,
      actor: { kind: 'officer', id: input.officer.accountId },
      requestId: input.requestId,
      auditDetails: { location: officeId, documentType: input.documentType },
    }),
  );
  await deps.outbox.deliver(result.smsIds);
  return result.account;
}

async function officeName(tx: Executor, officeId: string): Promise<PlaceName> {
  const [office] = await tx.select({ ar: offices.nameAr, en: offices.nameEn }).from(offices).where(eq(offices.id, officeId)).limit(1);
  return office ?? { ar: officeId, en: officeId };
}

// Activation by a bank's ATM network or the airports' kiosk fleet. The signature, its window
// and replays were checked at the edge; here the evidence is weighed and the account activated.
import type { ChannelClientConfig } from '../../config';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { activateAccount, type ActivatedAccount } from './activate-account';
import { channelClientName } from './activation-notice';
import { CHANNEL_BY_CLIENT_KIND, EVIDENCE_BY_CLIENT_KIND } from './activation-rules';
import { findAccountByIdNumber } from './repository';

export type ChannelEvidence =
  | { type: 'bank_card'; cardholderIdNumber: string }
  | { type: 'fingerprints'; rightIndex: string; leftIndex: string };

export type ChannelActivationInput = {
  client: ChannelClientConfig;
  idNumber: string;
  evidence: ChannelEvidence;
  requestId: string;
};

type EvidenceRefusal = 'cardholder_mismatch' | 'fingerprints_mismatch';

export async function activateThroughChannel(
  deps: Pick<Deps, 'database' | 'clock' | 'outbox' | 'registry'>,
  input: ChannelActivationInput,
): Promise<ActivatedAccount<'atm' | 'kiosk'>> {
  const { client, idNumber, evidence } = input;
  const expected = EVIDENCE_BY_CLIENT_KIND[client.kind];
  if (evidence.type !== expected) throw new AppError('evidence_type_not_allowed', { expected });

  const db = deps.database.db;
  // Looked up before the registry is asked, so an identity without an account costs no call
  // to the agency.
  const account = await findAccountByIdNumber(db, idNumber);
  if (!account) throw new AppError('registration_not_found');

  const channel = CHANNEL_BY_CLIENT_KIND[client.kind];
  // The registry is an outside agency: it is asked before the transaction opens, so that no
  // transaction stays open across a network call.
  const refusal = await weighEvidence(deps.registry, idNumber, evidence);
  if (refusal) {
    // A failed proof of someone's identity is worth showing to that person later.
    await audit(db, {
      at: deps.clock.now(),
      action: 'account.activation_refused',
      actor: { kind: 'channel', id: client.id },
      subjectAccountId: account.id,
      channel,
      requestId: input.requestId,
      details: { reason: refusal, evidence: evidence.type },
    });
    throw new AppError(refusal);
  }

  const result = await db.transaction((tx) =>
    activateAccount(tx, deps, {
      idNumber,
      channel,
      location: client.id,
      place: channelClientName(client.id),
      activatedBy: null,
      actor: { kind: 'channel', id: client.id },
      requestId: input.requestId,
      auditDetails: { location: client.id, evidence: evidence.type },
    }),
  );
  await deps.outbox.deliver(result.smsIds);
  return result.account;
}

async function weighEvidence(
  registry: Deps['registry'],
  idNumber: string,
  evidence: ChannelEvidence,
): Promise<EvidenceRefusal | null> {
  switch (evidence.type) {
    case 'bank_card':
      // The bank attests who holds the card; it must be the account's own identity.
      return evidence.cardholderIdNumber === idNumber ? null : 'cardholder_mismatch';
    case 'fingerprints': {
      const match = await registry.matchFingerprints(idNumber, { rightIndex: evidence.rightIndex, leftIndex: evidence.leftIndex });
      return match ? null : 'fingerprints_mismatch';
    }
  }
}

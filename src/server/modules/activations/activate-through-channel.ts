// Activation by a bank's ATM network or the airports' kiosk fleet. The signature, its window
// and replays were checked at the edge; here the evidence is weighed and the account activated.
import type { ChannelClientConfig } from '../../config';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { activateAccount, activateIfStillRegistered, type ActivatedAccount, type ActivationCommand } from './activate-account';
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
  const channel = CHANNEL_BY_CLIENT_KIND[client.kind];
  const cmd: ActivationCommand<'atm' | 'kiosk'> = {
    idNumber,
    channel,
    location: client.id,
    place: channelClientName(client.id),
    activatedBy: null,
    actor: { kind: 'channel', id: client.id },
    requestId: input.requestId,
    auditDetails: { location: client.id, evidence: evidence.type },
  };

  // The common case first: a bank card of the holder themself needs no agency and nothing
  // read beforehand, so a registered account is activated in one statement. Anything else
  // (an unknown identity, a repeat, another channel's activation) falls through to the
  // path below, which answers exactly as it always did.
  if (evidence.type === 'bank_card' && cardRefusal(idNumber, evidence) === null) {
    const activated = await activateIfStillRegistered(db, deps, cmd);
    if (activated) {
      await deps.outbox.deliver(activated.smsIds);
      return activated.account;
    }
  }

  // Looked up before the registry is asked, so an identity without an account costs no call
  // to the agency.
  const account = await findAccountByIdNumber(db, idNumber);
  if (!account) throw new AppError('registration_not_found');

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

  const result = await db.transaction((tx) => activateAccount(tx, deps, cmd));
  await deps.outbox.deliver(result.smsIds);
  return result.account;
}

/** The bank attests who holds the card; it must be the account's own identity. */
function cardRefusal(idNumber: string, evidence: { cardholderIdNumber: string }): EvidenceRefusal | null {
  return evidence.cardholderIdNumber === idNumber ? null : 'cardholder_mismatch';
}

async function weighEvidence(
  registry: Deps['registry'],
  idNumber: string,
  evidence: ChannelEvidence,
): Promise<EvidenceRefusal | null> {
  switch (evidence.type) {
    case 'bank_card':
      return cardRefusal(idNumber, evidence);
    case 'fingerprints': {
      const match = await registry.matchFingerprints(idNumber, { rightIndex: evidence.rightIndex, leftIndex: evidence.leftIndex });
      return match ? null : 'fingerprints_mismatch';
    }
  }
}

// Channel activation: a bank's ATM network or the airports' kiosk fleet activates a registered
// account after proving the holder's identity (the contract's POST /channels/activations).
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import { activateThroughChannel } from './activate-through-channel';
import { presentActivation } from './presenter';
import { channelActivationBody, channelActivationView, channelHeaders } from './schemas';

export const activationsModule: ApiModule = {
  name: 'activations',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/channels/activations',
      {
        config: { access: 'channel' },
        schema: {
          tags: ['channels'],
          summary: 'Activate a registered account at an ATM or an airport kiosk',
          description:
            'ATM networks present `{"type": "bank_card", "cardholderIdNumber"}` (the cardholder must be the account holder); ' +
            'the kiosk fleet presents `{"type": "fingerprints", "rightIndex", "leftIndex"}` (matched against the population registry). ' +
            'Repeating an activation by the same channel answers the same 200 with the original time and location. ' +
            'A signature is accepted once, even when the request is then refused: sign every retry anew (a new X-Timestamp). ' +
            'Errors: 401 missing_signature, unknown_client, signature_invalid, signature_expired, signature_replayed; ' +
            '404 registration_not_found; 409 account_already_active (by another channel), activation_account_suspended; ' +
            '422 evidence_type_not_allowed, cardholder_mismatch, fingerprints_mismatch; 503 dependency_unavailable.',
          security: [{ channelSignature: [] }],
          headers: channelHeaders,
          body: channelActivationBody,
          response: {
            200: channelActivationView,
            400: errorResponse,
            401: errorResponse,
            404: errorResponse,
            409: errorResponse,
            422: errorResponse,
            503: errorResponse,
          },
        },
      },
      async (req) => {
        const account = await activateThroughChannel(deps, {
          client: req.channelClient!,
          idNumber: req.body.idNumber,
          evidence: req.body.evidence,
          requestId: req.id,
        });
        return presentActivation(account);
      },
    );
  },
};

// Signs channel requests as a bank or a kiosk would: X-Timestamp from the test's clock,
// X-Signature over the exact bytes sent, keyed with the sandbox secret of the client.
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/server/platform/clock';
import { sign } from '../../src/server/modules/channels/signature';
import type { BuiltPerson } from './factories';
import type { TestContext } from './app';

export const CHANNEL_ACTIVATIONS = '/api/v1/channels/activations';
export const ATM_CLIENTS = ['atm-alrajhi', 'atm-riyadbank', 'atm-samba', 'atm-alinma'] as const;
export const KIOSK_CLIENT = 'kiosk-airports';

export type SignedChannelRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload: string;
};

export type SignOptions = {
  clientId: string;
  /** An object is sent as JSON; a string is sent as is (to test malformed bodies). */
  body: unknown;
  method?: 'GET' | 'POST';
  path?: string;
  /** Added to the clock's time, in seconds, for timestamps outside the window. */
  timestampOffsetS?: number;
  /** Defaults to the sandbox secret `sandbox-secret-<clientId>`. */
  secret?: string;
};

export function signChannelRequest(clock: Clock, opts: SignOptions): SignedChannelRequest {
  const method = opts.method ?? 'POST';
  const path = opts.path ?? CHANNEL_ACTIVATIONS;
  const payload = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const timestamp = String(Math.floor(clock.now().getTime() / 1000) + (opts.timestampOffsetS ?? 0));
  const secret = opts.secret ?? `sandbox-secret-${opts.clientId}`;
  return {
    method,
    url: path,
    headers: {
      'content-type': 'application/json',
      'x-client-id': opts.clientId,
      'x-timestamp': timestamp,
      'x-signature': sign(secret, timestamp, method, path, payload),
    },
    payload,
  };
}

export function injectChannel(t: TestContext, req: SignedChannelRequest, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: req.method, url: req.url, headers: { ...req.headers, ...extraHeaders }, payload: req.payload });
}

/** Signs with the test's clock and sends at once. */
export function channelRequest(t: TestContext, opts: SignOptions): Promise<LightMyRequestResponse> {
  return injectChannel(t, signChannelRequest(t.clock, opts));
}

export function bankCardEvidence(cardholderIdNumber: string) {
  return { type: 'bank_card', cardholderIdNumber } as const;
}

export function fingerprintEvidence(person: Pick<BuiltPerson, 'fingerprints'>) {
  return { type: 'fingerprints', rightIndex: person.fingerprints.rightIndex, leftIndex: person.fingerprints.leftIndex } as const;
}

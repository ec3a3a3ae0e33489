// The sandbox ATM and kiosk simulators act as the bank or the airport: they sign their calls
// exactly as a channel client must, with the sandbox secret the contract publishes.
import { request } from './client';

const encoder = new TextEncoder();

export const SANDBOX_ATM_CLIENTS = ['atm-alrajhi', 'atm-riyadbank', 'atm-samba', 'atm-alinma'] as const;
export type AtmClient = (typeof SANDBOX_ATM_CLIENTS)[number];
export const SANDBOX_KIOSK_CLIENT = 'kiosk-airports';

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function signChannelRequest(clientId: string, method: string, path: string, rawBody: string, timestamp: number): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error('secure_context_required');
  const key = await crypto.subtle.importKey('raw', encoder.encode(`sandbox-secret-${clientId}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${method}.${path}.${rawBody}`));
  return hex(signature);
}

/** Sends the very string that was signed: a re-serialised body would not verify. */
export async function channelPost<T>(clientId: string, path: string, body: unknown): Promise<T> {
  const rawBody = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = await signChannelRequest(clientId, 'POST', path, rawBody, timestamp);
  return request<T>('POST', path, undefined, {
    rawBody,
    headers: { 'X-Client-Id': clientId, 'X-Timestamp': String(timestamp), 'X-Signature': signature },
  });
}

// Channel request signatures (the contract): lowercase hex HMAC-SHA256, keyed with the
// client's secret, of `X-Timestamp + "." + METHOD + "." + path + "." + rawBody`; the timestamp
// within 300 s of the server's clock; each signature accepted once.
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { channelNonces } from '../../db/schema';
import type { ChannelClientConfig } from '../../config';
import { AppError } from '../../errors';
import type { Clock } from '../../platform/clock';
import { hmacSha256, safeEqual } from '../../platform/crypto';

export const SIGNATURE_WINDOW_S = 300;

export type SignedRequest = {
  clientId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  method: string;
  /** The path with its query, as sent. */
  path: string;
  rawBody: string;
};

export function signatureBase(timestamp: string, method: string, path: string, rawBody: string): string {
  return `${timestamp}.${method.toUpperCase()}.${path}.${rawBody}`;
}

export function sign(secret: string, timestamp: string, method: string, path: string, rawBody: string): string {
  return hmacSha256(secret, signatureBase(timestamp, method, path, rawBody)).toString('hex');
}

export class ChannelVerifier {
  private readonly clients: Map<string, ChannelClientConfig>;
  private purgeCounter = 0;
  /** Every signed request runs it: prepared once. */
  private readonly recordNonce;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    clients: readonly ChannelClientConfig[],
  ) {
    this.clients = new Map(clients.map((c) => [c.id, c]));
    this.recordNonce = db
      .insert(channelNonces)
      .values({ signature: sql.placeholder('signature'), clientId: sql.placeholder('clientId'), seenAt: sql.placeholder('seenAt') })
      .onConflictDoNothing()
      .returning({ signature: channelNonces.signature })
      .prepare('channel_nonce');
  }

  /** The verified client, or an AppError with the contract's code. */
  async verify(req: SignedRequest): Promise<ChannelClientConfig> {
    if (!req.clientId || !req.timestamp || !req.signature) throw new AppError('missing_signature');
    const client = this.clients.get(req.clientId);
    if (!client) throw new AppError('unknown_client');
    if (!/^\d{1,12}$/.test(req.timestamp)) throw new AppError('signature_invalid');
    const skew = Math.abs(this.clock.now().getTime() / 1000 - Number(req.timestamp));
    if (skew > SIGNATURE_WINDOW_S) throw new AppError('signature_expired');
    const given = /^[0-9a-f]{64}$/.test(req.signature) ? Buffer.from(req.signature, 'hex') : Buffer.alloc(0);
    const expected = hmacSha256(client.secret, signatureBase(req.timestamp, req.method, req.path, req.rawBody));
    if (!safeEqual(given, expected)) throw new AppError('signature_invalid');

    const now = this.clock.now();
    const inserted = await this.recordNonce.execute({ signature: req.signature, clientId: client.id, seenAt: now });
    if (inserted.length === 0) throw new AppError('signature_replayed');
    // Signatures older than twice the window can never be replayed successfully: forget them.
    if (++this.purgeCounter % 500 === 0) {
      await this.db.delete(channelNonces).where(lt(channelNonces.seenAt, new Date(now.getTime() - 2 * SIGNATURE_WINDOW_S * 1000)));
    }
    return client;
  }
}

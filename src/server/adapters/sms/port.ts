// The SMS gateway: the provider that delivers a text to a mobile. Messages reach it only
// through the durable outbox (see ../../modules/sms/outbox.ts), never directly from a use case.
export type SmsMessage = { id: string; to: string; body: string };

export interface SmsGateway {
  /** Delivers one message; throws when the provider refuses or cannot be reached. */
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
  /** Lets go of kept connections, at shutdown. */
  close?(): Promise<void>;
}

// The shapes the portal reads from the API (see /api/openapi.json).
import type { Language } from '../app/language';

export type Bilingual = { ar: string; en: string };

export type ActivationChannel = 'office' | 'atm' | 'kiosk';

export type AccountStatus = 'registered' | 'active' | 'suspended' | 'locked';

export type Me = {
  accountId: string;
  idNumber: string;
  username: string;
  name: Bilingual;
  status: AccountStatus;
  activation: { channel: ActivationChannel; at: string; location?: string | null } | null;
  mobileMasked?: string;
  language?: Language;
  roles?: Array<'officer' | 'supervisor'>;
  officeId?: string | null;
};

export type Terms = { version: number; text: Bilingual };

export type RegistrationStarted = { registrationId: string; expiresAt: string };
export type ResendAccepted = { resendAvailableAt?: string };
export type AccountCreated = { accountId: string; status: AccountStatus };

export type LoginChallenge = { challengeId: string; expiresAt: string };
export type SessionIssued = { token?: string; expiresAt: string; csrfToken?: string };

export type ResetStarted = { resetId: string; expiresAt: string };

export type Activation = { accountId: string; status: AccountStatus; channel: ActivationChannel; activatedAt: string; location: string };

export type SandboxPerson = {
  idNumber: string;
  kind?: 'citizen' | 'resident';
  birthDate: string;
  mobile: string;
  name: Bilingual;
  fingerprints: { rightIndex: string; leftIndex: string };
  [more: string]: unknown;
};

export type SmsMessage = { to: string; body: string; sentAt: string };

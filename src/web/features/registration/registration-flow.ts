// The registration steps as published: data → terms → SMS code → password → activation.
// The place in the flow survives a reload of the tab (the data itself is not kept).
import type { Language } from '../../app/language';

export const registrationSteps = ['data', 'terms', 'code', 'password', 'done'] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

export type RegistrationData = {
  idNumber: string;
  birthDate: string;
  mobile: string;
  username: string;
  email: string;
  language: Language;
};

export type Progress = { step: RegistrationStep; registrationId: string | null; resendAt: number | null; mobile: string | null };

const KEY = 'absher.registration';

export function loadProgress(): Progress | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Progress;
    return p.registrationId && (p.step === 'code' || p.step === 'password') ? p : null;
  } catch {
    return null;
  }
}

export function saveProgress(p: Progress): void {
  try {
    // Only the steps that need the registration id are resumed; a finished one is not.
    if (p.step !== 'code' && p.step !== 'password') sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Only a reload loses the place.
  }
}

export function clearProgress(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The resend wait the server announces in resend_too_soon ("wait a minute"), until it tells us better. */
export const FIRST_RESEND_WAIT_MS = 60_000;

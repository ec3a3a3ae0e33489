// Logging in as a sandbox persona, as a person does: the password, then the code read on the
// sandbox "phone" (the SMS inbox page) in a tab of the same browser.
import type { BrowserContext, Page } from 'playwright-core';

export const SANDBOX_PASSWORD = 'Absher-Sandbox-2026';

export const PERSONAS = {
  citizen: { login: 'demo.citizen', mobile: '+966500000001', idNumber: '1000000016', name: { ar: 'محمد عبدالله القحطاني', en: 'Mohammed Abdullah Al-Qahtani' } },
  resident: { login: 'demo.resident', mobile: '+966500000004', idNumber: '2000000048', name: { ar: 'سوريش ناير', en: 'Suresh Nair' } },
  family: { login: 'demo.family', mobile: '+966500000005', idNumber: '1000000057', name: { ar: 'عبدالعزيز سعد الحربي', en: 'Abdulaziz Saad Al-Harbi' } },
} as const;

export type PersonaKey = keyof typeof PERSONAS;

/** Codes already used, per mobile: a second login must wait for a new one. */
const seen = new Map<string, Set<string>>();

/** The newest 6-digit code sent to the mobile that was not used before, read on the sandbox phone. */
export async function newCode(phone: Page, mobile: string): Promise<string> {
  const used = seen.get(mobile) ?? new Set<string>();
  seen.set(mobile, used);
  await phone.goto(`/sandbox/sms?to=${encodeURIComponent(mobile)}`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const first = await phone.getByTestId('sms-body').first().textContent({ timeout: 2000 }).catch(() => null);
    const code = first?.match(/\b(\d{6})\b/)?.[1];
    if (code && !used.has(code)) {
      used.add(code);
      return code;
    }
    // The inbox refreshes itself too; asking now saves waiting for its next round.
    await phone.getByTestId('sms-refresh').click();
    await phone.waitForResponse((r) => r.url().includes('/api/v1/sandbox/sms'), { timeout: 2000 }).catch(() => undefined);
  }
  throw new Error(`no new code for ${mobile}`);
}

/** Who logs in: a persona of this file, or any account's login and mobile (and its password, when not the sandbox's). */
export type Credentials = { login: string; mobile: string; password?: string };

/** Logs the page's context in and waits for the dashboard. */
export async function logIn(context: BrowserContext, page: Page, who: PersonaKey | Credentials): Promise<void> {
  const persona: Credentials = typeof who === 'string' ? PERSONAS[who] : who;
  await page.goto('/login');
  await page.getByTestId('login').fill(persona.login);
  await page.getByTestId('password').fill(persona.password ?? SANDBOX_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('code').waitFor();
  const phone = await context.newPage();
  const code = await newCode(phone, persona.mobile);
  await phone.close();
  await page.bringToFront();
  await page.getByTestId('code').fill(code);
  await page.getByTestId('verify').click();
  await page.waitForURL((url) => url.pathname === '/dashboard');
}

/** Switches the interface to English (remembered, as a person's choice is) and back. */
export async function chooseLanguage(page: Page, language: 'ar' | 'en'): Promise<void> {
  await page.goto('/');
  const current = await page.getAttribute('html', 'lang');
  if (current !== language) {
    await page.getByTestId('language-switch').click();
    await page.waitForSelector(`html[lang="${language}"][dir="${language === 'ar' ? 'rtl' : 'ltr'}"]`);
  }
}

import { describe, expect, it } from 'vitest';
import {
  CHANNEL_BY_CLIENT_KIND,
  decideActivation,
  EVIDENCE_BY_CLIENT_KIND,
  type AccountStatus,
  type ActivationChannel,
} from '../../src/server/modules/activations/activation-rules';
import { activationNotice, channelClientName } from '../../src/server/modules/activations/activation-notice';
import { documentProvesIdentity } from '../../src/server/modules/office/document-rules';

const channels: ActivationChannel[] = ['office', 'atm', 'kiosk'];

describe('activation rules', () => {
  it('lets an ATM network present a bank card and a kiosk fingerprints, nothing else', () => {
    expect(EVIDENCE_BY_CLIENT_KIND).toEqual({ atm: 'bank_card', kiosk: 'fingerprints' });
    expect(CHANNEL_BY_CLIENT_KIND).toEqual({ atm: 'atm', kiosk: 'kiosk' });
  });

  it('activates a registered account by any channel', () => {
    for (const c of channels) expect(decideActivation({ status: 'registered', activationChannel: null }, c)).toEqual({ kind: 'activate' });
  });

  it('repeats for the same channel and refuses another one when already active', () => {
    for (const current of channels) {
      for (const requested of channels) {
        const decision = decideActivation({ status: 'active', activationChannel: current }, requested);
        expect(decision).toEqual(current === requested ? { kind: 'repeat' } : { kind: 'refuse', code: 'account_already_active' });
      }
    }
  });

  it('refuses to activate a suspended account, whatever its history', () => {
    const histories: Array<ActivationChannel | null> = [null, ...channels];
    for (const current of histories) {
      for (const requested of channels) {
        expect(decideActivation({ status: 'suspended', activationChannel: current }, requested)).toEqual({
          kind: 'refuse',
          code: 'activation_account_suspended',
        });
      }
    }
  });

  it('treats an active account without an activation record as activated elsewhere', () => {
    const status: AccountStatus = 'active';
    expect(decideActivation({ status, activationChannel: null }, 'atm')).toEqual({ kind: 'refuse', code: 'account_already_active' });
  });

  it('accepts a national ID for citizens, an iqama for residents and a passport for both', () => {
    expect(documentProvesIdentity('citizen', 'national_id')).toBe(true);
    expect(documentProvesIdentity('citizen', 'passport')).toBe(true);
    expect(documentProvesIdentity('citizen', 'iqama')).toBe(false);
    expect(documentProvesIdentity('resident', 'iqama')).toBe(true);
    expect(documentProvesIdentity('resident', 'passport')).toBe(true);
    expect(documentProvesIdentity('resident', 'national_id')).toBe(false);
  });
});

describe('activation notice', () => {
  const at = new Date('2026-11-23T21:30:00Z');

  it('says by which channel, where and when, in Riyadh time, in Arabic', () => {
    const text = activationNotice('ar', 'atm', channelClientName('atm-alrajhi'), at);
    expect(text).toContain('تم تفعيل حسابك');
    expect(text).toContain('صراف آلي');
    expect(text).toContain('مصرف الراجحي');
    expect(text).toContain('2026-11-24 00:30');
  });

  it('says the same in English', () => {
    const text = activationNotice('en', 'kiosk', channelClientName('kiosk-airports'), at);
    expect(text).toBe(
      'Your Absher account was activated at a fingerprint self-service kiosk (airports) on 2026-11-24 00:30 Riyadh time. If this was not you, visit a passports office at once.',
    );
  });

  it('names an unknown channel client by its id', () => {
    expect(channelClientName('atm-newbank')).toEqual({ ar: 'atm-newbank', en: 'atm-newbank' });
  });
});

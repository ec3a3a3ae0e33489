import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

const production = {
  ABSHER_MODE: 'production',
  SECRET_KEY: 'k'.repeat(40),
  CHANNEL_CLIENTS: JSON.stringify([{ id: 'atm-alrajhi', kind: 'atm', secret: 's'.repeat(40) }]),
  SMS_PROVIDER_URL: 'https://sms.example.test/send',
  SMS_PROVIDER_TOKEN: 'token',
  REGISTRY_URL: 'https://registry.example.test',
  REGISTRY_TOKEN: 'token',
  TRAFFIC_URL: 'https://traffic.example.test',
  TRAFFIC_TOKEN: 'token',
  TRAVEL_BANS_URL: 'https://bans.example.test',
  TRAVEL_BANS_TOKEN: 'token',
  LABOUR_URL: 'https://labour.example.test',
  LABOUR_TOKEN: 'token',
  HEALTH_URL: 'https://health.example.test',
  HEALTH_TOKEN: 'token',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the sandbox on port 3000 at 127.0.0.1 with the contract’s sandbox clients', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: 'sandbox', port: 3000, host: '127.0.0.1', databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.channelClients.map((x) => [x.id, x.secret])).toEqual([
      ['atm-alrajhi', 'sandbox-secret-atm-alrajhi'],
      ['atm-riyadbank', 'sandbox-secret-atm-riyadbank'],
      ['atm-samba', 'sandbox-secret-atm-samba'],
      ['atm-alinma', 'sandbox-secret-atm-alinma'],
      ['kiosk-airports', 'sandbox-secret-kiosk-airports'],
    ]);
  });

  it('reads PORT, HOST, DATA_DIR and DATABASE_URL', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/tmp/absher', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/absher', databaseUrl: 'postgres://u@h:5432/db' });
  });

  it('refuses bad values', () => {
    expect(problems({ PORT: 'eighty' })).not.toHaveLength(0);
    expect(problems({ ABSHER_MODE: 'staging' })).not.toHaveLength(0);
    expect(problems({ DATABASE_URL: 'not a url' })).not.toHaveLength(0);
    expect(problems({ CHANNEL_CLIENTS: '{not json' })).toContain('CHANNEL_CLIENTS: not valid JSON');
  });

  it('starts in production with real secrets', () => {
    const c = loadConfig(production);
    expect(c.mode).toBe('production');
    expect(c.channelClients).toHaveLength(1);
  });

  it('refuses to start in production without its secrets', () => {
    const p = problems({ ABSHER_MODE: 'production' });
    expect(p).toEqual(
      expect.arrayContaining([
        'SECRET_KEY is required in production',
        'CHANNEL_CLIENTS is required in production',
        'SMS_PROVIDER_URL and SMS_PROVIDER_TOKEN are required in production',
        'REGISTRY_URL and REGISTRY_TOKEN are required in production',
        'TRAFFIC_URL and TRAFFIC_TOKEN are required in production',
        'TRAVEL_BANS_URL and TRAVEL_BANS_TOKEN are required in production',
        'LABOUR_URL and LABOUR_TOKEN are required in production',
        'HEALTH_URL and HEALTH_TOKEN are required in production',
      ]),
    );
  });

  it('never accepts a sandbox secret in production', () => {
    expect(problems({ ...production, SECRET_KEY: 'sandbox-secret-key-not-for-production' })).toContain('SECRET_KEY is a sandbox secret');
    const sandboxClient = JSON.stringify([{ id: 'atm-alrajhi', kind: 'atm', secret: 'sandbox-secret-atm-alrajhi-padded-to-length' }]);
    expect(problems({ ...production, CHANNEL_CLIENTS: sandboxClient })).toContain('CHANNEL_CLIENTS: atm-alrajhi has a sandbox secret');
    expect(problems({ ...production, SECRET_KEY: 'short' })).toContain('SECRET_KEY needs at least 32 characters');
  });

  it('takes an SMS provider in sandbox mode too, with its token', () => {
    expect(loadConfig({ SMS_PROVIDER_URL: 'http://127.0.0.1:8025/sms', SMS_PROVIDER_TOKEN: 't' }).sms.providerUrl).toBe('http://127.0.0.1:8025/sms');
    expect(loadConfig({}).sms.providerUrl).toBeUndefined();
    expect(problems({ SMS_PROVIDER_URL: 'http://127.0.0.1:8025/sms' })).toEqual(['SMS_PROVIDER_TOKEN is required with SMS_PROVIDER_URL']);
  });

  it('does not add the sandbox clients in production', () => {
    expect(loadConfig(production).channelClients.map((c) => c.id)).toEqual(['atm-alrajhi']);
  });
});

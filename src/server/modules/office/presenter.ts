// What an officer sees of a person: enough to check them and their document against the
// registry, never the whole record (no sponsor, profession, family or full mobile).
import { maskMobile } from '../../../domain/mobile';
import type { PersonLookup } from './look-up-person';

export type PersonView = {
  idNumber: string;
  kind: 'citizen' | 'resident';
  name: { ar: string; en: string };
  birthDate: string;
  nationality: string;
  mobile: string;
  passport: { number: string; expiresOn: string } | null;
  iqama: { number: string; expiresOn: string } | null;
  account: {
    accountId: string;
    status: 'registered' | 'active' | 'suspended';
    activation: { channel: 'office' | 'atm' | 'kiosk'; at: string; location: string } | null;
  } | null;
};

export function presentPerson({ person, account }: PersonLookup): PersonView {
  return {
    idNumber: person.idNumber,
    kind: person.kind,
    name: { ar: person.name.ar, en: person.name.en },
    birthDate: person.birthDate,
    nationality: person.nationality,
    mobile: maskMobile(person.mobile),
    passport: person.passport ? { number: person.passport.number, expiresOn: person.passport.expiresOn } : null,
    iqama: person.iqama ? { number: person.iqama.number, expiresOn: person.iqama.expiresOn } : null,
    account: account
      ? {
          accountId: account.id,
          status: account.status,
          activation:
            account.activationChannel && account.activatedAt && account.activationLocation
              ? { channel: account.activationChannel, at: account.activatedAt.toISOString(), location: account.activationLocation }
              : null,
        }
      : null,
  };
}

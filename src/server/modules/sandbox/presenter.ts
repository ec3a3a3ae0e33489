// What leaves the sandbox endpoints, field by field. The sandbox shows fingerprints and
// whole mobiles on purpose (the kiosk simulator and the SMS inbox need them); nothing else
// of a row leaves unless it is listed here.
import type { z } from 'zod';
import { findProfession } from '../../../domain/synthetic/catalogue';
import { encodeTemplate, toPerson } from '../../adapters/population-registry/sandbox';
import { PERSONA_ESTABLISHMENTS, SANDBOX_PASSWORD, type PersonaKey } from './personas';
import type { PersonaWithAccount, PersonWithFamily } from './queries';
import type { FamilyLinkRow, SmsRow } from './repository';
import type { personasView, sandboxPersonView, smsView } from './schemas';

export type SandboxPersonView = z.infer<typeof sandboxPersonView>;

export function presentPerson({ row, heads, members }: PersonWithFamily): SandboxPersonView {
  const p = toPerson(row);
  const profession = findProfession(p.profession);
  const entry = (idNumber: string, l: FamilyLinkRow) => ({ idNumber, relation: l.relation });
  return {
    idNumber: p.idNumber,
    kind: p.kind,
    name: { ar: p.name.ar, en: p.name.en },
    gender: p.gender,
    birthDate: p.birthDate,
    nationality: p.nationality,
    mobile: p.mobile,
    fingerprints: { rightIndex: encodeTemplate(row.fingerprintRight), leftIndex: encodeTemplate(row.fingerprintLeft) },
    passport: p.passport ? { number: p.passport.number, issuedOn: p.passport.issuedOn, expiresOn: p.passport.expiresOn } : null,
    iqama: p.iqama ? { number: p.iqama.number, expiresOn: p.iqama.expiresOn } : null,
    sponsor: p.sponsor ? { kind: p.sponsor.kind, id: p.sponsor.id } : null,
    profession: profession
      ? { code: profession.code, name: { ar: profession.ar, en: profession.en } }
      : p.profession
        ? { code: p.profession, name: { ar: p.profession, en: p.profession } }
        : null,
    maritalStatus: p.maritalStatus,
    family: {
      heads: heads.map((l) => entry(l.headIdNumber, l)),
      members: members.map((l) => entry(l.memberIdNumber, l)),
    },
  };
}

export function presentSms(rows: SmsRow[]): z.infer<typeof smsView> {
  return { messages: rows.map((m) => ({ to: m.to, body: m.body, sentAt: m.sentAt.toISOString() })) };
}

const ROLE = {
  citizen: 'citizen',
  registered: 'citizen',
  newcomer: 'citizen',
  resident: 'resident',
  family: 'head_of_family',
  officer: 'officer',
  supervisor: 'supervisor',
  owner: 'establishment_owner',
} as const satisfies Record<PersonaKey, z.infer<typeof personasView>['personas'][number]['role']>;

export function presentPersonas(list: PersonaWithAccount[]): z.infer<typeof personasView> {
  return {
    password: SANDBOX_PASSWORD,
    personas: list.map(({ persona, account }) => ({
      key: persona.key,
      role: ROLE[persona.key],
      title: { ar: persona.title.ar, en: persona.title.en },
      description: { ar: persona.description.ar, en: persona.description.en },
      name: { ar: persona.person.name.ar, en: persona.person.name.en },
      kind: persona.person.kind,
      idNumber: persona.person.idNumber,
      birthDate: persona.person.birthDate,
      mobile: persona.person.mobile,
      username: account?.username ?? null,
      // Only the accounts the seed created carry the sandbox password; one registered since has its own.
      password: account && persona.account ? SANDBOX_PASSWORD : null,
      status: account?.status ?? null,
      staffRole: persona.staffRole ? { role: persona.staffRole.role, officeId: persona.staffRole.officeId } : null,
      establishments: PERSONA_ESTABLISHMENTS.filter((e) => e.owner === persona.key).map((e) => ({
        id: e.id,
        name: { ar: e.name.ar, en: e.name.en },
        openedOnAbsher: e.opened,
      })),
    })),
  };
}

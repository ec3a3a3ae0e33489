// The registry query behind the expiry reminders: which account holders should hear that a
// document ends within a threshold's band, and have not yet for that document, expiry and
// threshold. In the sandbox the population registry is the registry_persons and
// registry_family_links tables beside the accounts, so this is one SQL query per band; the
// national registry would answer it as a feed of expiring documents for the identity numbers
// that hold accounts, and this function is where that client call goes.
//
// The sources, each to an active account:
// - a citizen's own passport, a resident's own iqama;
// - the iqama of a resident registered under a head of family, to the head;
// - the iqama of a resident sponsored by a person (a domestic worker), to the sponsor.
// A resident both registered under and sponsored by the same person is reminded once, as family.
//
// The branches cannot yield one reminder twice, so the query needs no DISTINCT or ORDER BY and
// its LIMIT stops the scans as soon as a batch is found; which rows come first does not matter,
// since the ones reminded drop out of the next batch.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

export type DueExpiry = {
  recipientIdNumber: string;
  mobile: string;
  language: 'ar' | 'en';
  holderNameAr: string;
  holderNameEn: string;
  document: 'passport' | 'iqama';
  /** `passport:<number>` or `iqama:<number>`: a renewed passport is a new document. */
  documentKey: string;
  expiresOn: string;
  whose: 'own' | 'dependent' | 'worker';
};

export type Band = { thresholdDays: number; from: string; to: string };

type Row = {
  recipient_id_number: string;
  mobile: string;
  language: 'ar' | 'en';
  name_ar: string;
  name_en: string;
  document: 'passport' | 'iqama';
  document_key: string;
  expires_on: string;
  whose: 'own' | 'dependent' | 'worker';
};

export async function findDueExpiries(db: Executor, band: Band, limit: number): Promise<DueExpiry[]> {
  const from = sql`${band.from}::date`;
  const to = sql`${band.to}::date`;
  const result = (await db.execute(sql`
    select d.recipient_id_number, d.mobile, d.language, d.name_ar, d.name_en, d.document, d.document_key, d.expires_on::text as expires_on, d.whose
    from (
      select a.id_number as recipient_id_number, a.mobile, a.language, p.name_ar, p.name_en,
             'passport' as document, 'passport:' || p.passport_number as document_key, p.passport_expires_on as expires_on, 'own' as whose
        from registry_persons p
        join accounts a on a.id_number = p.id_number and a.status = 'active'
       where p.kind = 'citizen' and p.passport_number is not null and p.passport_expires_on between ${from} and ${to}
      union all
      select a.id_number, a.mobile, a.language, p.name_ar, p.name_en,
             'iqama', 'iqama:' || p.id_number, p.iqama_expires_on, 'own'
        from registry_persons p
        join accounts a on a.id_number = p.id_number and a.status = 'active'
       where p.kind = 'resident' and p.iqama_expires_on between ${from} and ${to}
      union all
      select a.id_number, a.mobile, a.language, m.name_ar, m.name_en,
             'iqama', 'iqama:' || m.id_number, m.iqama_expires_on, 'dependent'
        from registry_family_links l
        join registry_persons m on m.id_number = l.member_id_number
        join accounts a on a.id_number = l.head_id_number and a.status = 'active'
       where m.kind = 'resident' and m.iqama_expires_on between ${from} and ${to}
      union all
      select a.id_number, a.mobile, a.language, w.name_ar, w.name_en,
             'iqama', 'iqama:' || w.id_number, w.iqama_expires_on, 'worker'
        from registry_persons w
        join accounts a on a.id_number = w.sponsor_id::char(10) and a.status = 'active'
       where w.sponsor_kind = 'person' and w.kind = 'resident' and w.iqama_expires_on between ${from} and ${to}
         and not exists (select 1 from registry_family_links l where l.head_id_number = a.id_number and l.member_id_number = w.id_number)
    ) d
    where not exists (
      select 1 from reminders_sent r
       where r.id_number = d.recipient_id_number and r.document = d.document_key
         and r.expires_on = d.expires_on and r.threshold_days = ${band.thresholdDays}
    )
    limit ${limit}
  `)) as unknown as { rows: Row[] };
  return result.rows.map((r) => ({
    recipientIdNumber: r.recipient_id_number,
    mobile: r.mobile,
    language: r.language,
    holderNameAr: r.name_ar,
    holderNameEn: r.name_en,
    document: r.document,
    documentKey: r.document_key,
    expiresOn: r.expires_on,
    whose: r.whose,
  }));
}

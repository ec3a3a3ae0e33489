// The statistics' queries: each counts in SQL, grouped by kingdom day (and channel, office,
// service or region), over a range of instants on a timestamp column, so that the database
// returns at most a few thousand small rows however many accounts and requests there are.
// The period is a range on the column itself (never a function of it), so that an index on
// the column serves it: service_requests_issued_idx, iqama_cards_handed_idx,
// paper_transactions_at_idx, accounts_created_idx and accounts_activated_idx do.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { KINGDOM_OFFSET_HOURS, type DayRange } from './range';

/**
 * The kingdom calendar day of a timestamptz column, as a date (independent of the session's time
 * zone). Rows are grouped by the date; only the groups are turned into text (`dayText`).
 */
function kingdomDay(column: SQL): SQL {
  return sql`(((${column}) at time zone 'UTC') + interval '${sql.raw(String(KINGDOM_OFFSET_HOURS))} hours')::date`;
}

function between(column: SQL, range: DayRange): SQL {
  return sql`${column} >= ${range.start.toISOString()}::timestamptz and ${column} < ${range.end.toISOString()}::timestamptz`;
}

/** Wraps a query grouped by `day` (a date), giving the day as YYYY-MM-DD and the other columns as they are. */
function dayText(columns: SQL, grouped: SQL): SQL {
  return sql`select g.day::text as day, ${columns} from (${grouped}) g`;
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type DayCount = { day: string; n: number };
export type ActivationCount = { day: string; channel: 'office' | 'atm' | 'kiosk'; location: string | null; n: number };
export type IssuedCount = { day: string; service: string; region: string | null; n: number };
export type OfficeCount = { day: string; officeId: string; n: number };
export type PaperCount = OfficeCount & { service: string };
export type ProcessingTime = { service: string; n: number; avgSeconds: number; medianSeconds: number; p90Seconds: number };

/** Accounts created (registrations completed), per day. */
export function registeredPerDay(db: Executor, range: DayRange): Promise<DayCount[]> {
  const col = sql`created_at`;
  return rows(db, dayText(sql`g.n`, sql`select ${kingdomDay(col)} as day, count(*)::int as n from accounts where ${between(col, range)} group by 1`));
}

/** Activations per day, channel and location (the office id, the bank network's or the kiosk fleet's client id). */
export function activationsPerDay(db: Executor, range: DayRange): Promise<ActivationCount[]> {
  const col = sql`activated_at`;
  return rows(
    db,
    dayText(
      sql`g.channel, g.location, g.n`,
      sql`select ${kingdomDay(col)} as day, activation_channel as channel, activation_location as location, count(*)::int as n
            from accounts where ${between(col, range)} group by 1, 2, 3`,
    ),
  );
}

/**
 * Requests issued per day and service, with the region of the establishment they were made for
 * (null: made by an individual, or for an establishment not opened on the platform).
 */
export function issuedPerDay(db: Executor, range: DayRange): Promise<IssuedCount[]> {
  const col = sql`r.decided_at`;
  return rows(
    db,
    dayText(
      sql`g.service, g.region, g.n`,
      sql`select ${kingdomDay(col)} as day, r.service, e.region, count(*)::int as n
            from service_requests r left join establishments e on e.id = r.establishment_id
           where r.status = 'issued' and ${between(col, range)}
           group by 1, 2, 3`,
    ),
  );
}

/**
 * From submission (the request reached the directorate: paid, consented, released) to issue,
 * per service, over the requests issued in the period; `region` narrows to establishments' requests there.
 */
export function processingTimes(db: Executor, range: DayRange, region: string | null): Promise<ProcessingTime[]> {
  const col = sql`r.decided_at`;
  // date_part is a float: extract() gives numeric, slower to sort and sum.
  const seconds = sql`date_part('epoch', r.decided_at - coalesce(r.submitted_at, r.created_at))`;
  return rows(
    db,
    sql`select r.service, count(*)::int as n,
               avg(${seconds})::float8 as "avgSeconds",
               percentile_cont(0.5) within group (order by ${seconds})::float8 as "medianSeconds",
               percentile_cont(0.9) within group (order by ${seconds})::float8 as "p90Seconds"
          from service_requests r ${region === null ? sql`` : sql`join establishments e on e.id = r.establishment_id and e.region = ${region}`}
         where r.status = 'issued' and ${between(col, range)}
         group by 1 order by 1`,
  );
}

/** Iqama cards handed over, per day and office. */
export function handOversPerDay(db: Executor, range: DayRange): Promise<OfficeCount[]> {
  const col = sql`handed_over_at`;
  return rows(
    db,
    dayText(
      sql`g."officeId", g.n`,
      sql`select ${kingdomDay(col)} as day, office_id as "officeId", count(*)::int as n
            from iqama_cards where status = 'handed_over' and ${between(col, range)} group by 1, 2`,
    ),
  );
}

/** Paper transactions, per day, office and service. */
export function paperPerDay(db: Executor, range: DayRange): Promise<PaperCount[]> {
  const col = sql`at`;
  return rows(
    db,
    dayText(
      sql`g."officeId", g.service, g.n`,
      sql`select ${kingdomDay(col)} as day, office_id as "officeId", service, count(*)::int as n
            from paper_transactions where ${between(col, range)} group by 1, 2, 3`,
    ),
  );
}

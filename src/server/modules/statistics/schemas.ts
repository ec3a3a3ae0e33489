// The wire shapes of the statistics. Queries are strict (an unknown parameter is a 400).
import { z } from 'zod';
import { isoDateSchema } from '../../http/schemas';

const text = z.object({ ar: z.string(), en: z.string() });
const count = z.number().int().nonnegative();

export const summaryQuery = z.strictObject({
  from: isoDateSchema.optional().describe('first kingdom day (YYYY-MM-DD, UTC+3); by default 29 days before `to`'),
  to: isoDateSchema.optional().describe('last kingdom day, included; by default today in Riyadh'),
});

export const statisticsQuery = summaryQuery.extend({
  region: z
    .string()
    .regex(/^[a-z][a-z_]{1,39}$/, 'a region code: riyadh, makkah, madinah, eastern, ...')
    .optional()
    .describe('narrow to one region (see GET /offices)'),
  officeId: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'an office id from GET /offices')
    .optional()
    .describe('narrow to one office or airport desk (404 statistics_office_not_found if there is none)'),
});

const byService = z.object({
  total: count,
  byService: z.record(z.string(), count).describe('service code → count; services with none are left out'),
});

const visits = z.object({
  activations: count.describe('accounts activated in person at the office'),
  cardHandovers: count.describe('iqama cards handed over at the office'),
  paperTransactions: count.describe('transactions recorded on paper at the office'),
  total: count,
});

const share = z.number().min(0).max(1).nullable().describe('e-transactions ÷ (e-transactions + paper transactions), 4 decimals; null when there were none');

export const figures = z.object({
  registeredUsers: count.nullable().describe('accounts created; null when narrowed to a region or an office'),
  activations: z.object({
    office: count,
    atm: count.nullable().describe('null when narrowed to a region or an office'),
    kiosk: count.nullable().describe('null when narrowed to a region or an office'),
    total: count.nullable(),
  }),
  eTransactions: byService.nullable().describe('requests issued; null when narrowed to an office'),
  paperTransactions: byService,
  officeVisits: visits,
  shareWithoutVisit: share,
});

const processingTime = z.object({
  service: z.string(),
  issued: count,
  averageHours: z.number(),
  medianHours: z.number(),
  p90Hours: z.number(),
});

const period = {
  from: z.string().describe('YYYY-MM-DD'),
  to: z.string().describe('YYYY-MM-DD, included'),
  timeZone: z.literal('+03:00').describe('days are kingdom days: midnight to midnight in Riyadh'),
};

export const statisticsView = z.object({
  ...period,
  region: z.string().nullable(),
  officeId: z.string().nullable(),
  totals: figures,
  days: z.array(figures.extend({ date: z.string() })).describe('every day of the period, oldest first'),
  offices: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['office', 'airport']),
        name: text,
        region: z.string(),
        city: z.string(),
        visits,
        days: z.array(visits.extend({ date: z.string() })).describe('the days with at least one visit, oldest first'),
      }),
    )
    .describe('every office in scope, visited or not'),
  regions: z
    .array(
      z.object({
        region: z.string().nullable().describe('null: e-transactions of individuals, which have no region'),
        eTransactions: count,
        officeVisits: visits,
        shareWithoutVisit: share,
        days: z
          .array(z.object({ date: z.string(), eTransactions: count, officeVisits: visits, shareWithoutVisit: share }))
          .describe('the days with at least one figure, oldest first'),
      }),
    )
    .describe('empty when narrowed to an office'),
  processingTimes: z
    .array(processingTime)
    .nullable()
    .describe('from submission to issue, per service, over the requests issued in the period; null when narrowed to an office'),
});

export const summaryView = z.object({
  ...period,
  totals: figures,
  processingTimes: z.array(processingTime),
});

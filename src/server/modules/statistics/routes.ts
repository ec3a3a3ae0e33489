// The directorate's statistics over HTTP: the supervisor's figures per day, office and region,
// and an open summary of the kingdom's totals for anyone (the press, the dashboard on the home page).
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import { AppError } from '../../errors';
import { kingdomToday } from '../../services/engine/requests';
import { MINUTE } from '../../platform/clock';
import { defaultRange, MAX_DAYS } from './range';
import { readStatistics, type Statistics } from './read-statistics';
import { presentStatistics, presentSummary } from './presenter';
import { statisticsQuery, statisticsView, summaryQuery, summaryView } from './schemas';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

/** How long the open summary may be kept, by the server and by anyone in between. */
const SUMMARY_TTL_MS = 5 * MINUTE;
const SUMMARY_CACHE_ENTRIES = 64;

const DEFINITIONS =
  'Days are kingdom days (UTC+3), `from` and `to` included, at most ' +
  `${MAX_DAYS} days (400 statistics_range_too_long; 400 statistics_range_invalid when \`to\` is before \`from\`); by default the 30 days ending today. ` +
  'Definitions. registeredUsers: accounts created. activations: accounts activated, by channel (office: at a passports office ' +
  'or airport desk, by an officer; atm: at a bank ATM; kiosk: at an airport self-service kiosk). eTransactions: requests issued ' +
  'that day (by the time of issue), by service. officeVisits: the visits an office received: activations in person, iqama cards ' +
  'handed over, paper transactions. shareWithoutVisit: eTransactions ÷ (eTransactions + paper transactions), i.e. of the ' +
  'transactions completed, the share completed without anyone coming to an office ("an administration with no visitors"); ' +
  'a card pickup is a visit but not a transaction of its own (the iqama was issued or renewed online), so it is counted in ' +
  'officeVisits and left out of the share. processingTimes: from submission (the request reached the directorate, after ' +
  'payment, consent or release) to issue, per service, over the requests issued in the period. ';

export const statisticsModule: ApiModule = {
  name: 'statistics',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const period = (q: { from?: string | undefined; to?: string | undefined }) => {
      const to = q.to ?? kingdomToday(deps.clock.now());
      return { from: q.from ?? defaultRange(to).from, to };
    };

    app.get(
      '/statistics',
      {
        config: { access: 'supervisor' },
        schema: {
          tags: ['statistics'],
          summary: 'The directorate’s figures per day, office and region (supervisors)',
          description:
            DEFINITIONS +
            'Regions: an office has one; an e-transaction made for an establishment has the establishment’s region, and those of ' +
            'individuals have none (region null in `regions`). Narrowed to a region, registrations and ATM and kiosk activations ' +
            '(which have no region) are null, and the e-transactions are those of the region’s establishments; narrowed to an ' +
            'office, e-transactions, the share and processing times are null too. Errors: 400 invalid_input, ' +
            'statistics_range_invalid, statistics_range_too_long; 401 not_authenticated; 403 forbidden (not a supervisor); ' +
            '404 statistics_office_not_found.',
          security,
          querystring: statisticsQuery,
          response: { 200: statisticsView, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
        },
      },
      async (req) => {
        const stats = await readStatistics(deps, { ...period(req.query), region: req.query.region ?? null, officeId: req.query.officeId ?? null });
        return presentStatistics(stats);
      },
    );

    // The summary is open to anyone: it is kept for a few minutes, so that asking it often costs the database nothing,
    // and anonymous callers start one count at a time: those asking for the period being counted wait for it, those
    // asking for another period meanwhile are told to come back (429), so that a flood of distinct periods cannot
    // load the database.
    const kept = new Map<string, { at: number; stats: Statistics }>();
    const counting = new Map<string, Promise<Statistics>>();
    app.get(
      '/statistics/summary',
      {
        config: { access: 'public' },
        // Route hooks run after the app's, which mark every API answer no-store.
        onSend: async (_req, reply, payload) => {
          if (reply.statusCode === 200) reply.header('cache-control', `public, max-age=${SUMMARY_TTL_MS / 1000}`);
          return payload;
        },
        schema: {
          tags: ['statistics'],
          summary: 'The kingdom’s totals over a period, for anyone',
          description:
            DEFINITIONS +
            'Totals only: nothing per office, region, day or person. Cacheable for 5 minutes (Cache-Control: public, max-age=300); ' +
            'figures may be up to 5 minutes old. One period is counted at a time: asking for another period while one is being ' +
            'counted answers 429 rate_limited with Retry-After. Errors: 400 invalid_input, statistics_range_invalid, ' +
            'statistics_range_too_long; 429 rate_limited.',
          querystring: summaryQuery,
          response: { 200: summaryView, 400: errorResponse, 429: errorResponse },
        },
      },
      async (req) => {
        const { from, to } = period(req.query);
        const key = `${from}|${to}`;
        const now = deps.clock.now().getTime();
        const entry = kept.get(key);
        if (entry && now - entry.at < SUMMARY_TTL_MS) return presentSummary(entry.stats);
        const running = counting.get(key);
        if (running) return presentSummary(await running);
        if (counting.size > 0) throw new AppError('rate_limited', undefined, 2);
        const count = readStatistics(deps, { from, to, region: null, officeId: null });
        counting.set(key, count);
        try {
          const stats = await count;
          kept.delete(key);
          kept.set(key, { at: now, stats });
          if (kept.size > SUMMARY_CACHE_ENTRIES) kept.delete(kept.keys().next().value!);
          return presentSummary(stats);
        } finally {
          counting.delete(key);
        }
      },
    );
  },
};

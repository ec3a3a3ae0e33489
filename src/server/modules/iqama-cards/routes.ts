// The iqama card pickup over HTTP: the establishment's users and the head of family follow
// their cards; the officers of the chosen office mark a card arrived and hand it over.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError } from '../../errors';
import { errorResponse } from '../../http/schemas';
import type { ApiModule } from '../module';
import type { Officer } from '../office/activate-at-office';
import { handOver, listEstablishmentCards, listOfficeCards, listOwnCards, markReady, type Listed } from './cards';
import { presentCard, presentOfficeCard } from './presenter';
import { cardParams, cardsQuery, cardsView, cardView, establishmentParams, handedOverView, handOverBody, officeCardsQuery, officeCardsView } from './schemas';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse } as const;

/** The 'officer' access has put the session and the staff role on the request. */
function officerOf(req: FastifyRequest): Officer {
  return { accountId: req.session!.accountId, officeId: req.staff!.officeId };
}

async function holderOf(deps: Deps, req: FastifyRequest) {
  const accountId = req.session!.accountId;
  const [a] = await deps.database.db.select({ idNumber: accounts.idNumber }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!a) throw new AppError('not_authenticated');
  return { accountId, idNumber: a.idNumber };
}

function present(listed: Listed) {
  return { cards: listed.cards.map((c) => presentCard(c, listed.uncollectedBefore)) };
}

export const iqamaCardsModule: ApiModule = {
  name: 'iqama-cards',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/establishments/:id/iqama-cards',
      {
        config: { access: 'account' },
        schema: {
          tags: ['iqama cards'],
          summary: 'The iqama cards of an establishment’s workers, newest first',
          description:
            'For the establishment’s owner, and its staff authorized for an iqama service (issue or renewal). Filter by status; ' +
            '`uncollected` marks cards ready at the office for longer than the dated iqama_cards.uncollected_after_days. ' +
            'Errors: 403 delegation_out_of_scope (staff without an iqama service); 404 establishment_not_found (not opened, or not yours).',
          security,
          params: establishmentParams,
          querystring: cardsQuery,
          response: { 200: cardsView, ...errors },
        },
      },
      async (req) => {
        const { status, limit, offset } = req.query;
        return present(await listEstablishmentCards(deps, { accountId: req.session!.accountId }, req.params.id, { status }, { limit, offset }));
      },
    );

    app.get(
      '/iqama-cards',
      {
        config: { access: 'account' },
        schema: {
          tags: ['iqama cards'],
          summary: 'My iqama cards: those I applied for as head of family or sponsor, and my own',
          description:
            'Cards of the iqamas the holder applied for outside an establishment (or a delegate applied for on their behalf), ' +
            'and the holder’s own iqama cards, newest first.',
          security,
          querystring: cardsQuery,
          response: { 200: cardsView, ...errors },
        },
      },
      async (req) => {
        const { status, limit, offset } = req.query;
        return present(await listOwnCards(deps, await holderOf(deps, req), { status }, { limit, offset }));
      },
    );

    app.get(
      '/office/iqama-cards',
      {
        config: { access: 'officer' },
        schema: {
          tags: ['office'],
          summary: 'The iqama cards to collect at the officer’s office, a page at a time',
          description:
            'Filter by status (printed: on their way; ready: at the office; handed_over), or `uncollected=true` for the cards ready ' +
            'for longer than the dated iqama_cards.uncollected_after_days. What waits comes the longest waiting first (printed: ' +
            'since printed; ready and uncollected: since ready), handed_over the latest handed over first, and the unfiltered list ' +
            'the newest printed first. Up to `limit` cards a page; `nextCursor` asks for the next page (`cursor`, with the same ' +
            'filter) and is null on the last. Each card names its holder (holderName, from the population registry; null when it ' +
            'has none or cannot be reached). Errors: 400 invalid_input (a malformed cursor); 403 not_an_officer, officer_without_office.',
          security,
          querystring: officeCardsQuery,
          response: { 200: officeCardsView, ...errors },
        },
      },
      async (req) => {
        const { status, uncollected, limit, cursor } = req.query;
        const listed = await listOfficeCards(deps, officerOf(req), { status, uncollected }, { limit, cursor });
        return {
          cards: listed.cards.map((c) => presentOfficeCard(c, listed.uncollectedBefore, listed.holderNames.get(c.holderIdNumber) ?? null)),
          nextCursor: listed.nextCursor,
        };
      },
    );

    app.post(
      '/office/iqama-cards/:id/ready',
      {
        config: { access: 'officer', idempotency: 'optional' },
        schema: {
          tags: ['office'],
          summary: 'An iqama card has arrived at the office: it is ready to collect',
          description:
            'Moves a printed card to ready, and tells whoever applied (and the owner or head of family a delegate acted for) by SMS, ' +
            'in their language. Audited (iqama_card.ready). Errors: 403 not_an_officer, officer_without_office, ' +
            'iqama_card_at_another_office; 404 iqama_card_not_found; 409 iqama_card_not_printed (already ready), iqama_card_already_handed_over.',
          security,
          params: cardParams,
          response: { 200: cardView, ...errors, 409: errorResponse },
        },
      },
      async (req) => {
        const card = await markReady(deps, officerOf(req), req.params.id, { requestId: req.id });
        return presentCard(card, new Date(0));
      },
    );

    app.post(
      '/office/iqama-cards/:id/handover',
      {
        config: { access: 'officer', idempotency: 'optional' },
        schema: {
          tags: ['office'],
          summary: 'Hand an iqama card over to the person collecting it',
          description:
            'The officer has checked the collector’s document. Entitled: the holder; for an establishment’s card its owner or staff ' +
            'with an authorization in force; otherwise the head of family or sponsor who applied. Only at the card’s office, only ' +
            'when ready, and once. Audited (iqama_card.handed_over). Errors: 400 invalid_id_number; 403 not_an_officer, ' +
            'officer_without_office, iqama_card_at_another_office; 404 iqama_card_not_found; 409 iqama_card_not_ready, ' +
            'iqama_card_already_handed_over; 422 collector_not_entitled.',
          security,
          params: cardParams,
          body: handOverBody,
          response: { 200: handedOverView, ...errors, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req) => {
        const card = await handOver(deps, officerOf(req), req.params.id, req.body.collectorIdNumber, { requestId: req.id });
        return { ...presentCard(card, new Date(0)), collectorRole: card.collectorRole };
      },
    );
  },
};

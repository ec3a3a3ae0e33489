// The passports offices and airport desks over HTTP: a public list, so that clients choose an
// office (to collect a passport, to read a location) by what the directorate holds, not by ids
// of their own.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiModule } from '../module';
import { presentOffice } from './presenter';
import { listOffices } from './repository';
import { officesView } from './schemas';

export const officesModule: ApiModule = {
  name: 'offices',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/offices',
      {
        config: { access: 'public' },
        schema: {
          tags: ['offices'],
          summary: 'The passports offices and airport desks: id, kind, names in Arabic and English, region and city',
          description: 'Offices first, then airport desks. Where a service asks for an office (collecting a passport), it takes one of these ids.',
          response: { 200: officesView },
        },
      },
      async () => ({ offices: (await listOffices(deps.database.db)).map(presentOffice) }),
    );
  },
};

// The API's modules, one per feature. Adding a feature is adding a line here.
import type { ApiModule } from './module';
import { accessLogModule } from './access-log/routes';
import { activationsModule } from './activations/routes';
import { delegationsModule } from './delegations/routes';
import { documentsModule } from './documents/routes';
import { establishmentsModule } from './establishments/routes';
import { iqamaCardsModule } from './iqama-cards/routes';
import { officeModule } from './office/routes';
import { officesModule } from './offices/routes';
import { paperTransactionsModule } from './office/paper-transactions-routes';
import { meRoutes } from './me/routes';
import { notificationsModule } from './notifications/routes';
import { passwordResetRoutes } from './password-resets/routes';
import { professionsModule } from './professions/routes';
import { registrationRoutes } from './registrations/routes';
import { requestRoutes } from './requests/routes';
import { sandboxModule } from './sandbox/routes';
import { sessionRoutes } from './sessions/routes';
import { statisticsModule } from './statistics/routes';
import { termsRoutes } from './terms/routes';

export const apiModules: ApiModule[] = [
  { name: 'terms', routes: termsRoutes },
  { name: 'registrations', routes: registrationRoutes },
  { name: 'sessions', routes: sessionRoutes },
  { name: 'me', routes: meRoutes },
  notificationsModule,
  { name: 'password-resets', routes: passwordResetRoutes },
  { name: 'requests', routes: requestRoutes },
  delegationsModule,
  activationsModule,
  officeModule,
  officesModule,
  paperTransactionsModule,
  documentsModule,
  iqamaCardsModule,
  accessLogModule,
  establishmentsModule,
  professionsModule,
  statisticsModule,
  sandboxModule,
];

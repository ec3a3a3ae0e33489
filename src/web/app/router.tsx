// Every page but the home page is its own chunk, fetched when first visited; the server names a
// page's chunk in the index.html of its address, so that a first visit fetches it at once (see
// src/web/build/page-chunks.ts, which reads the lazy routes below). A page's loader, when it has
// one, starts the page's queries (app/query-client.ts); it is part of the entry, so that it runs
// beside the fetching and running of the page's chunk, not after. The loaders are listed in
// app/page-loaders.ts, beside the requests index.html sends for them before the entry has come.
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../features/home/home-page';
import { forgetEarlyResponses } from './early-requests';
import { pageLoaders, shellLoader } from './page-loaders';
import { RouteError } from './route-error';
import { PageLoading, Shell } from './shell';

export const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    // Shown while the first page's chunk loads on a deep link.
    hydrateFallbackElement: <PageLoading />,
    loader: shellLoader,
    children: [
      // No loader: see homeQueries in app/page-loaders.ts.
      { index: true, element: <HomePage /> },
      { path: 'register', lazy: () => import('../features/registration/registration-page').then((m) => ({ Component: m.RegistrationPage })) },
      { path: 'login', lazy: () => import('../features/login/login-page').then((m) => ({ Component: m.LoginPage })) },
      { path: 'forgot-password', lazy: () => import('../features/password-reset/password-reset-page').then((m) => ({ Component: m.PasswordResetPage })) },
      { path: 'dashboard', lazy: () => import('../features/dashboard/dashboard-page').then((m) => ({ Component: m.DashboardPage })), loader: pageLoaders.dashboard },
      { path: 'services/:code', lazy: () => import('../features/eservices/service-page').then((m) => ({ Component: m.ServicePage })), loader: pageLoaders['services/:code'] },
      { path: 'requests/:id', lazy: () => import('../features/eservices/request-page').then((m) => ({ Component: m.RequestPage })) },
      { path: 'authorizations', lazy: () => import('../features/delegations/delegations-page').then((m) => ({ Component: m.DelegationsPage })) },
      { path: 'access-log', lazy: () => import('../features/access-log/access-log-page').then((m) => ({ Component: m.AccessLogPage })) },
      { path: 'statistics', lazy: () => import('../features/statistics/statistics-page').then((m) => ({ Component: m.StatisticsPage })), loader: pageLoaders.statistics },
      { path: 'office', lazy: () => import('../features/office/office-page').then((m) => ({ Component: m.OfficePage })), loader: pageLoaders.office },
      { path: 'establishments', lazy: () => import('../features/establishments/establishments-page').then((m) => ({ Component: m.EstablishmentsPage })) },
      {
        path: 'establishments/:id',
        lazy: () => import('../features/establishments/establishment-page').then((m) => ({ Component: m.EstablishmentPage })),
        loader: pageLoaders['establishments/:id'],
      },
      { path: 'establishments/:id/workers/:workerId', lazy: () => import('../features/establishments/worker-page').then((m) => ({ Component: m.WorkerPage })) },
      { path: 'establishments/:id/cards', lazy: () => import('../features/establishments/cards-page').then((m) => ({ Component: m.CardsPage })) },
      { path: 'establishments/:id/staff', lazy: () => import('../features/establishments/staff-page').then((m) => ({ Component: m.StaffPage })) },
      { path: 'establishments/:id/requests', lazy: () => import('../features/establishments/requests-page').then((m) => ({ Component: m.RequestsPage })) },
      { path: 'establishments/:id/transfers', lazy: () => import('../features/establishments/transfer-request-page').then((m) => ({ Component: m.TransferRequestPage })) },
      { path: 'sandbox', lazy: () => import('../features/sandbox/personas-page').then((m) => ({ Component: m.PersonasPage })) },
      { path: 'sandbox/sms', lazy: () => import('../features/sandbox/sms-inbox-page').then((m) => ({ Component: m.SmsInboxPage })) },
      { path: 'sandbox/atm', lazy: () => import('../features/sandbox/atm-page').then((m) => ({ Component: m.AtmPage })) },
      { path: 'sandbox/kiosk', lazy: () => import('../features/sandbox/kiosk-page').then((m) => ({ Component: m.KioskPage })) },
      { path: '*', lazy: () => import('../features/not-found/not-found-page').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);

// The answers index.html asked for belong to the first address (app/early-requests.ts): once
// the visitor moves on, including back to that address, the routes ask for themselves. Before
// the next page's loaders run, which the router starts only after telling its subscribers.
const stopWatching = router.subscribe((state) => {
  if (state.navigation.state === 'idle') return;
  forgetEarlyResponses();
  stopWatching();
});

import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The DOM flavour wires ReactDOM.flushSync, which logging out relies on.
import { RouterProvider } from 'react-router/dom';
import { applyToDocument, storedLanguage } from './app/language';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { initI18n } from './i18n';

const language = storedLanguage();
// Before the first paint, so that an English visitor never sees a right-to-left flash.
applyToDocument(language);
initI18n(language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers language={language} client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

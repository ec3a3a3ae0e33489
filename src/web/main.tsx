import './app/mantine.css';
import './app/global.css';
// First, so that a visitor's English words are asked for before the rest of the entry runs.
import { initI18n } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The DOM flavour wires ReactDOM.flushSync, which logging out relies on.
import { RouterProvider } from 'react-router/dom';
import { applyToDocument, storedLanguage } from './app/language';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { router } from './app/router';

const language = storedLanguage();
// Before the first paint, so that an English visitor never sees a right-to-left flash.
applyToDocument(language);

// Once the language's words are there (at once for Arabic). Not an await at the top level: the
// build would then split the entry's modules into chunks of their own, for the pages to import.
void initI18n(language).then((started) => {
  if (started !== language) applyToDocument(started);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers language={started} client={queryClient}>
        {/* A page is rendered in one go, not as a transition in slices: an API answer arriving
            between two slices interrupts such a render, which then starts again. */}
        <RouterProvider router={router} useTransitions={false} />
      </Providers>
    </StrictMode>,
  );
});

import 'leaflet/dist/leaflet.css';
import './styles.css';
import './pages.css';
import './admin.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.js';
import { App } from './App.js';
import { OrganisationTimeZone } from './components/time-zone.js';
import { setupI18n } from './i18n/index.js';

setupI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again; network and 5xx get one more try.
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <OrganisationTimeZone>
        <App />
      </OrganisationTimeZone>
    </QueryClientProvider>
  </StrictMode>,
);

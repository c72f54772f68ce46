import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client';
import { RequestFailures } from './api/request-failures';
import { LanguageProvider } from './i18n/language';

/**
 * Each route is its own chunk (issue 16): the wall loads only what it draws, never the console's forms or
 * the press view's document writer.
 */
const routes: Record<string, () => Promise<ComponentType>> = {
  '/wall': async () => (await import('./views/wall-view')).WallView,
  '/press': async () => (await import('./views/press-view')).PressView,
  '/command': async () => (await import('./command/command-view')).CommandView,
  // The server's headless Chromium renders briefing pictures here (GET /api/snapshot, /api/playback).
  '/snapshot': async () => (await import('./views/snapshot-view')).SnapshotView,
  '/': async () => (await import('./views/map-view')).MapView,
};

const path = window.location.pathname.replace(/\/+$/, '') || '/';
const load = routes[path] ?? routes['/']!;
// The wall and the map ask for their data while their code loads (issue 16: cold start).
if (load === routes['/wall'] || load === routes['/'])
  void import('./map/early-start').then(({ startMapData }) => startMapData());
const Route = lazy(async () => ({ default: await load() }));

document.body.classList.toggle('dark-wall', path === '/wall');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RequestFailures />
        <Suspense fallback={null}>
          <Route />
        </Suspense>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);

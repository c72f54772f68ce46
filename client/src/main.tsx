import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/queryClient';
import { RequestFailures } from './api/RequestFailures';
import { LanguageProvider } from './i18n/language';
import { MapView } from './views/MapView';
import { PressView } from './views/PressView';
import { WallView } from './views/WallView';

// The commander console is another engineer's folder; it is routed only once it exists.
const commandModules = import.meta.glob<{ CommandView: ComponentType }>('./command/CommandView.tsx');
const loadCommand = commandModules['./command/CommandView.tsx'];
const CommandView = loadCommand ? lazy(async () => ({ default: (await loadCommand()).CommandView })) : null;
// The server's headless Chromium renders briefing pictures here (GET /api/snapshot, /api/playback).
const SnapshotView = lazy(async () => ({ default: (await import('./views/SnapshotView')).SnapshotView }));

function Route() {
  const path = window.location.pathname.replace(/\/+$/, '');
  if (path === '/wall') return <WallView />;
  if (path === '/press') return <PressView />;
  if (path === '/snapshot')
    return (
      <Suspense fallback={null}>
        <SnapshotView />
      </Suspense>
    );
  if (path === '/command' && CommandView)
    return (
      <Suspense fallback={null}>
        <CommandView />
      </Suspense>
    );
  return <MapView />;
}

document.body.classList.toggle('dark-wall', window.location.pathname.startsWith('/wall'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RequestFailures />
        <Route />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);

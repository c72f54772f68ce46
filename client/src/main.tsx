import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from './i18n/language';

/**
 * Each route is its own chunk (issue 16): the wall loads only what it draws, never the console's forms or
 * the press view's document writer.
 */
const routes: Record<string, () => Promise<ComponentType>> = {
  '/wall': async () => (await import('./views/WallView')).WallView,
  '/press': async () => (await import('./views/PressView')).PressView,
  '/': async () => (await import('./views/MapView')).MapView,
};
// The commander console is another engineer's folder; it is routed only once it exists.
const commandModules = import.meta.glob<{ CommandView: ComponentType }>('./command/CommandView.tsx');
const loadCommand = commandModules['./command/CommandView.tsx'];
if (loadCommand) routes['/command'] = async () => (await loadCommand()).CommandView;

const path = window.location.pathname.replace(/\/+$/, '') || '/';
const load = routes[path] ?? routes['/']!;
const Route = lazy(async () => ({ default: await load() }));

document.body.classList.toggle('dark-wall', path === '/wall');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <Suspense fallback={null}>
        <Route />
      </Suspense>
    </LanguageProvider>
  </StrictMode>,
);

import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet) with a Content-Security-Policy the map works under: MapLibre runs its workers
 * from blob: URLs and draws tiles from blob:/data: images; a configured basemap (BASEMAP_STYLE_URL) is
 * fetched from its own origin. No inline scripts; inline styles stay allowed because MapLibre and deck.gl
 * set them; deck.gl fetches its icons from data: URLs. Requests are not upgraded to https: a command room may serve plain http on its own network.
 */
export function securityHeaders(basemapStyleUrl: string | undefined): RequestHandler {
  const basemap = basemapStyleUrl ? [new URL(basemapStyleUrl).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...basemap],
        fontSrc: ["'self'", 'data:'],
        // deck.gl fetches its icon atlases from data: URLs; MapLibre fetches from blob: URLs.
        connectSrc: ["'self'", 'data:', 'blob:', ...basemap],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

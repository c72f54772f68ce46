import type { Server } from 'node:http';
import { Router } from 'express';
import { z } from 'zod';
import { minute } from '../../shared/documents/format';
import type { PressWarnings } from '../../shared/documents/listing';
import { word } from '../../shared/documents/words';
import { higherLevel, type WarningLevel } from '../../shared/levels';
import { decisionPacketSchema } from '../../shared/state/decision-packet';
import { HOUR, toBeijingIso } from '../../shared/time';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { createBrowserService } from '../press/browser';
import { encodeGif, encodeMp4, mp4Unavailable } from '../press/playback';
import { createSnapshotService, snapshotInput } from '../press/snapshot';
import { pressWarnings, warningsInForceAt } from '../press/warning';
import type { Store } from '../store/types';
import { documentsRouter } from './documents';
import { HttpError, parseOr400 } from './errors';
import { allow } from './guards';
import { readablePacket } from './packets';
import {
  dataTime,
  hourEndSchema,
  languageSchema,
  originOf,
  pressRoles,
  signedInFor,
  unavailable,
} from './press-query';

export type PressOptions = {
  store: Store;
  engine: Engine;
  /** The replayed 2019 data (REPLAY=on): every document carries the exercise mark. */
  exercise: boolean;
};

const requiredHour = hourEndSchema.pipe(
  z.number({ message: 'required: an hour end, e.g. 2019-12-17T18:00:00+08:00' }),
);
/** At most a week of hours per playback: 168 frames. */
const maxFrames = 168;

export const playbackQuerySchema = z
  .object({
    jurisdiction: jurisdictionSchema,
    from: requiredHour,
    to: requiredHour,
    format: z.enum(['gif', 'mp4']).default('gif'),
    width: z.coerce.number().int().min(640).max(1920).default(1280),
    height: z.coerce.number().int().min(360).max(1080).default(720),
    lang: languageSchema,
  })
  .refine((query) => query.to >= query.from, { path: ['to'], message: 'to must not be before from' })
  .refine((query) => (query.to - query.from) / HOUR < maxFrames, {
    path: ['to'],
    message: `at most ${maxFrames} hours (one frame per hour)`,
  });

const packetMapQuerySchema = z.object({
  width: z.coerce.number().int().min(800).max(3840).default(1280),
  height: z.coerce.number().int().min(600).max(2160).default(800),
  lang: languageSchema,
});

export const snapshotQuerySchema = z.object({
  jurisdiction: jurisdictionSchema,
  width: z.coerce.number().int().min(800).max(3840).default(1920),
  height: z.coerce.number().int().min(600).max(2160).default(1080),
  at: hourEndSchema,
  lang: languageSchema,
});

/**
 * GET /snapshot — a briefing picture rendered in the server's Chromium. The browser is closed with the
 * HTTP server that used it.
 */
export function pressRouter({ store, engine, exercise }: PressOptions): Router {
  const router = Router();
  const browser = createBrowserService();
  const snapshots = createSnapshotService(browser);
  let watched: Server | null = null;
  router.use((request, _response, next) => {
    const server = (request.socket as { server?: Server }).server;
    if (server && watched !== server) {
      watched = server;
      server.once('close', () => void browser.close());
    }
    next();
  });
  router.use(documentsRouter({ store, engine, exercise, browser, snapshots }));

  router.get('/snapshot', allow(pressRoles), async (request, response) => {
    const query = parseOr400(snapshotQuerySchema, request.query, 'query');
    signedInFor(request, query.jurisdiction);
    const at = dataTime(engine, query.jurisdiction, query.at);
    const input = snapshotInput(store, engine, exercise, { ...query, at, language: query.lang });
    try {
      const { png, cached } = await snapshots.render(input, query.width, query.height, originOf(request));
      response
        .type('image/png')
        .set('X-Data-Time', toBeijingIso(at))
        .set('X-Cache', cached ? 'hit' : 'miss')
        .set(
          'Content-Disposition',
          `inline; filename="tianshan-${query.jurisdiction}-${toBeijingIso(at).slice(0, 13)}.png"`,
        )
        .send(png);
    } catch (error) {
      unavailable(response, error);
    }
  });

  /**
   * A decision packet's map (issue 15): drawn from the state frozen in the packet, so it shows what the
   * signers saw even after late data changed that hour.
   */
  router.get('/packets/:id/map.png', async (request, response) => {
    const packet = readablePacket(request, store);
    const query = parseOr400(packetMapQuerySchema, request.query, 'query');
    const body = decisionPacketSchema.parse({ id: packet.id, ...(packet.body as object) });
    const input = snapshotInput(store, engine, exercise, {
      jurisdiction: packet.jurisdiction,
      at: body.evidence.state.now,
      width: query.width,
      height: query.height,
      language: query.lang,
      state: body.evidence.state,
    });
    try {
      const { png } = await snapshots.render(input, query.width, query.height, originOf(request));
      response
        .type('image/png')
        .set('X-Data-Time', toBeijingIso(body.evidence.state.now))
        .set(
          'Content-Disposition',
          `inline; filename="decision-packet-${packet.warningId}-${packet.eventSeq}-map.png"`,
        )
        .send(png);
    } catch (error) {
      unavailable(response, error);
    }
  });

  router.get('/press/warnings', allow(pressRoles), (request, response) => {
    const query = parseOr400(
      z.object({ jurisdiction: jurisdictionSchema, at: hourEndSchema }),
      request.query,
      'query',
    );
    signedInFor(request, query.jurisdiction);
    const at = dataTime(engine, query.jurisdiction, query.at);
    const listing: PressWarnings = {
      jurisdiction: query.jurisdiction,
      at,
      now: engine.now(query.jurisdiction),
      exercise,
      warnings: pressWarnings(store, query.jurisdiction, at),
    };
    response.json(listing);
  });

  router.get('/playback', allow(pressRoles), async (request, response) => {
    const query = parseOr400(playbackQuerySchema, request.query, 'query');
    signedInFor(request, query.jurisdiction);
    dataTime(engine, query.jurisdiction, query.to);
    if (query.format === 'mp4') {
      const reason = await mp4Unavailable();
      if (reason) throw new HttpError(501, { error: reason });
    }
    const inputs = [];
    for (let at = query.from; at <= query.to; at += HOUR) {
      const level = warningsInForceAt(store, query.jurisdiction, at).reduce<WarningLevel>(
        (highest, entry) => higherLevel(highest, entry.segment.level),
        'none',
      );
      const clock = `${minute(at)} · ${level === 'none' ? word(query.lang, 'noWarningsInForce') : word(query.lang, 'level', level)}`;
      inputs.push(snapshotInput(store, engine, exercise, { ...query, at, language: query.lang, clock }));
    }
    try {
      const frames = await snapshots.frames(inputs, query.width, query.height, originOf(request));
      const name = `tianshan-${query.jurisdiction}-${toBeijingIso(query.from).slice(0, 13)}-${inputs.length}h`;
      const body = query.format === 'gif' ? encodeGif(frames) : await encodeMp4(frames);
      response
        .type(query.format === 'gif' ? 'image/gif' : 'video/mp4')
        .set('X-Frames', String(frames.length))
        .set('Content-Disposition', `attachment; filename="${name}.${query.format}"`)
        .send(body);
    } catch (error) {
      unavailable(response, error);
    }
  });
  return router;
}

import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  auditListSchema,
  clientConfigSchema,
  dailyReportingSchema,
  layerResponseSchema,
  meSchema,
  type Session,
  unitListSchema,
  warningOutlookSchema,
} from '../../../shared/api/responses';
import { hasCsrfCookie } from '../../../shared/api/session';
import { warningBookSchema } from '../../../shared/rules/lifecycle/book-schema';
import { decisionPacketSchema, packetListSchema } from '../../../shared/state/decision-packet';
import {
  jurisdictionStateSchema,
  recommendationEntrySchema,
  seriesStateSchema,
  timelineStateSchema,
} from '../../../shared/state/schema';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { boundaryCollectionSchema } from './boundaries';
import { enterpriseChecksResponseSchema } from './enterprise-checks';
import { ApiError, getJson } from './http';
import { shownInPlace } from './query-client';

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export type SeriesSubject = { kind: 'unit' | 'station'; id: string };

/**
 * Every GET the client makes, as TanStack Query options: the key names what is asked (so equal requests
 * share one answer and a newer key replaces an older one), the function parses with the shared schema.
 */
export const queries = {
  /** The signed-in session, or null when signed out (401, or no CSRF cookie: never signed in here). */
  session: () =>
    queryOptions({
      queryKey: ['session'],
      queryFn: async ({ signal }): Promise<Session | null> => {
        // Not asked without the cookie a sign-in sets: the sign-in page would log a failed request.
        if (!hasCsrfCookie(document.cookie)) return null;
        try {
          const me = await getJson('/api/me', meSchema, { signal });
          return 'account' in me ? me : null;
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      staleTime: Number.POSITIVE_INFINITY,
    }),

  units: (jurisdiction: Jurisdiction) =>
    queryOptions({
      queryKey: ['units', jurisdiction],
      queryFn: async ({ signal }) =>
        (await getJson(`/api/units?${query({ jurisdiction })}`, unitListSchema, { signal })).units,
      staleTime: 10 * 60_000,
    }),

  /** The state at an hour end: a past hour, or (with `from`, the live now) a forecast hour as seen then. */
  state: (jurisdiction: Jurisdiction, at: number, from?: number) =>
    queryOptions({
      queryKey: ['state', jurisdiction, at, from ?? null],
      queryFn: ({ signal }) =>
        getJson(`/api/state?${query({ jurisdiction, at: toBeijingIso(at) })}`, jurisdictionStateSchema, {
          signal,
        }),
      staleTime: 5 * 60_000,
    }),

  /** The state at the engine's now: what a page shows until its live feed's snapshot arrives. */
  current: (jurisdiction: Jurisdiction) =>
    queryOptions({
      queryKey: ['state', jurisdiction, 'now'],
      queryFn: ({ signal }) =>
        getJson(`/api/state?${query({ jurisdiction })}`, jurisdictionStateSchema, { signal }),
      staleTime: 0,
    }),

  /** The hours the time slider reaches, as of the live now `now` (a new forecast moves its end). */
  timeline: (jurisdiction: Jurisdiction, now: number) =>
    queryOptions({
      queryKey: ['timeline', jurisdiction, now],
      queryFn: ({ signal }) =>
        getJson(`/api/state/timeline?${query({ jurisdiction })}`, timelineStateSchema, { signal }),
    }),

  /** A unit's or station's 72 h and forecast at an hour end (the side panel shows its own failure). */
  series: (jurisdiction: Jurisdiction, subject: SeriesSubject, at: number) =>
    queryOptions({
      queryKey: ['series', jurisdiction, subject.kind, subject.id, at],
      queryFn: ({ signal }) =>
        getJson(
          `/api/state/series?${query({ jurisdiction, [subject.kind]: subject.id, at: toBeijingIso(at) })}`,
          seriesStateSchema,
          { signal },
        ),
      staleTime: 5 * 60_000,
      meta: shownInPlace,
    }),

  warningBook: (jurisdiction: Jurisdiction) =>
    queryOptions({
      queryKey: ['warnings', jurisdiction],
      queryFn: ({ signal }) =>
        getJson(`/api/warnings?${query({ jurisdiction })}`, warningBookSchema, { signal }),
    }),

  audit: (text: string) =>
    queryOptions({
      queryKey: ['audit', text],
      queryFn: async ({ signal }) => {
        const params: Record<string, string> = { limit: '500' };
        if (text.trim()) params.text = text.trim();
        return (await getJson(`/api/audit?${query(params)}`, auditListSchema, { signal })).entries;
      },
    }),

  dailyReporting: (jurisdiction: Jurisdiction, date: string) =>
    queryOptions({
      queryKey: ['reports', jurisdiction, date],
      queryFn: ({ signal }) =>
        getJson(`/api/reports?${query({ jurisdiction, date })}`, dailyReportingSchema, { signal }),
    }),

  /** The latest enterprise checks; null for a signed-out page (401: it may not read them). */
  enterpriseChecks: (jurisdiction: Jurisdiction) =>
    queryOptions({
      queryKey: ['enterprise-checks', jurisdiction],
      queryFn: async ({ signal }) => {
        try {
          return await getJson(
            `/api/enterprise-checks?${query({ jurisdiction })}`,
            enterpriseChecksResponseSchema,
            {
              signal,
            },
          );
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
    }),

  layer: (kind: 'enterprise' | 'diesel-zone' | 'dust-source', jurisdiction: Jurisdiction) =>
    queryOptions({
      queryKey: ['layer', kind, jurisdiction],
      queryFn: ({ signal }) =>
        getJson(`/api/layers/${kind}?${query({ jurisdiction })}`, layerResponseSchema, { signal }),
      staleTime: 10 * 60_000,
    }),

  /** Lifting now, the lift countdown and the members' levels of an issued warning, as of the engine's now. */
  outlook: (warningId: string, now: number) =>
    queryOptions({
      queryKey: ['outlook', warningId, now],
      queryFn: ({ signal }) =>
        getJson(`/api/warnings/${encodeURIComponent(warningId)}/outlook`, warningOutlookSchema, { signal }),
    }),

  packets: (warningId: string) =>
    queryOptions({
      queryKey: ['packets', warningId],
      queryFn: ({ signal }) =>
        getJson(`/api/warnings/${encodeURIComponent(warningId)}/packets`, packetListSchema, { signal }),
    }),

  packet: (id: number) =>
    queryOptions({
      queryKey: ['packet', id],
      queryFn: ({ signal }) => getJson(`/api/packets/${id}`, decisionPacketSchema, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  /** The recommendation with a region the commander chose fixed. */
  recommendation: (jurisdiction: Jurisdiction, fix: string, now: number) =>
    queryOptions({
      queryKey: ['recommendation', jurisdiction, fix, now],
      queryFn: ({ signal }) =>
        getJson(`/api/recommendation?${query({ jurisdiction, fix })}`, recommendationAnswerSchema, {
          signal,
        }),
    }),

  config: () =>
    queryOptions({
      queryKey: ['config'],
      queryFn: ({ signal }) => getJson('/api/config', clientConfigSchema, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  boundaries: () =>
    queryOptions({
      queryKey: ['boundaries'],
      queryFn: ({ signal }) => getJson('/api/boundaries', boundaryCollectionSchema, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export const noBody = z.unknown();

const recommendationAnswerSchema = z.object({
  recommendation: z.array(recommendationEntrySchema),
  fixed: z.string().nullable(),
});

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GuardAnswer } from '../../../shared/api/responses';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { shownInPlace } from '../api/query-client';
import { warningAction } from '../api/warning-actions';

export type Preview = { guards: GuardAnswer[]; refusal: ApiError | null; checking: boolean };

/**
 * What the server would answer to an action now (POST …?dryRun=true: the same checks, nothing stored):
 * the plan guards it would trip (a 200 answer: a preview is a question, not a failed request), or the
 * refusal, so the console explains them before the click.
 */
export function useGuardPreview(
  jurisdiction: Jurisdiction,
  target: { action: 'propose' } | { action: string; warningId: string },
  body: Record<string, unknown> | null,
  csrfToken: string,
  now: number,
): Preview {
  const preview = useQuery({
    queryKey: ['preview', jurisdiction, target, body, now],
    queryFn: async ({ signal }) => {
      try {
        const answer = await warningAction(jurisdiction, target, body ?? {}, {
          csrfToken,
          dryRun: true,
          signal,
        });
        return { guards: answer.guards, refusal: null };
      } catch (error) {
        if (error instanceof ApiError) return { guards: [], refusal: error };
        throw error;
      }
    },
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
    meta: shownInPlace,
  });
  return {
    guards: preview.data?.guards ?? [],
    refusal: preview.data?.refusal ?? (preview.error instanceof ApiError ? preview.error : null),
    checking: preview.isFetching,
  };
}

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { clearFailure, reportFailure } from './failures';
import { ApiError, isAbort } from './http';

/** Queries whose component shows its own failure carry this meta; every other failure is listed on the page. */
export const shownInPlace = { shownInPlace: true } as const;

function keyOf(queryKey: readonly unknown[]): string {
  return JSON.stringify(queryKey);
}

/**
 * The client's one request cache (TanStack Query): every GET is a query keyed by what it asks, so a newer
 * answer replaces an older one, a view that goes away cancels its requests, and a failure is never silent.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isAbort(error) || query.meta?.shownInPlace) return;
      reportFailure(keyOf(query.queryKey), String(query.queryKey[0]), error);
    },
    onSuccess: (_data, query) => clearFailure(keyOf(query.queryKey)),
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (isAbort(error) || mutation.meta?.shownInPlace) return;
      reportFailure(
        `mutation:${mutation.mutationId}`,
        String(mutation.options.mutationKey?.[0] ?? 'request'),
        error,
      );
    },
  }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network blip or a 5xx may.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/**
 * The rejection handler of a promise over `queryClient.fetchQuery`: the cache has already listed the failure
 * on the page (QueryCache onError), so the caller only stops.
 */
export function listedOnPage(): void {}

import { useSyncExternalStore } from 'react';

/** A request that failed and was not shown where it was made: the page lists it until it succeeds again. */
export type Failure = { key: string; what: string; error: unknown; at: number };

let failures: readonly Failure[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly Failure[]): void {
  failures = next;
  for (const listener of listeners) listener();
}

export function reportFailure(key: string, what: string, error: unknown): void {
  publish([...failures.filter((failure) => failure.key !== key), { key, what, error, at: Date.now() }]);
}

export function clearFailure(key: string): void {
  if (failures.some((failure) => failure.key === key))
    publish(failures.filter((failure) => failure.key !== key));
}

export function dismissFailures(): void {
  publish([]);
}

export function useFailures(): readonly Failure[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => failures,
  );
}

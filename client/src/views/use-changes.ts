import { useEffect, useRef, useState } from 'react';
import type { JurisdictionState } from '../../../shared/state/schema';
import { type Change, changesBetween } from './changes';

/** How many changes the strip keeps: the newest first. */
const kept = 8;

/** The latest changes seen in the live states since the screen opened (issue 16, "what changed"). */
export function useChanges(states: readonly JurisdictionState[]): Change[] {
  const previous = useRef(new Map<string, JurisdictionState>());
  const [changes, setChanges] = useState<Change[]>([]);
  useEffect(() => {
    const found: Change[] = [];
    for (const state of states) {
      const before = previous.current.get(state.jurisdiction);
      if (before === state) continue;
      found.push(...changesBetween(before, state));
      previous.current.set(state.jurisdiction, state);
    }
    if (found.length > 0)
      setChanges((current) => [...found, ...current].sort((a, b) => b.at - a.at).slice(0, kept));
  }, [states]);
  return changes;
}

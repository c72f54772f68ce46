import { useEffect, useRef, useState } from 'react';
import type { JurisdictionState } from '../../../shared/state/schema';
import { type Change, nextChanges } from './changes';

/** The latest changes seen in the live states since the screen opened (issue 16, "what changed"). */
export function useChanges(states: readonly JurisdictionState[]): Change[] {
  const previous = useRef(new Map<string, JurisdictionState>());
  const [changes, setChanges] = useState<Change[]>([]);
  useEffect(() => {
    const seen = new Map(previous.current);
    for (const state of states) previous.current.set(state.jurisdiction, state);
    setChanges((current) => nextChanges(current, seen, states));
  }, [states]);
  return changes;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { WarningEvent } from '../../shared/rules';
import { createStore } from '../store/sqlite';
import { bookOf } from './book';
import { startExercise } from './exercise';
import { recordWarningEvent } from './record';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-exercise-'));
  directories.push(directory);
  return directory;
}

function proposal(warningId: string, iso: string): WarningEvent {
  const at = Date.parse(iso);
  return {
    type: 'propose',
    warningId,
    target: { kind: 'unit', unitId: '654002' },
    level: 'orange',
    effectiveAt: at,
    actor: { userId: 'duty', role: 'duty-officer' },
    at,
    reason: 'forecast daily AQI above 200 for 48 h',
    citation: '4.1',
  };
}

test('after a replay pass starts over, the old warning is archived and an earlier proposal is accepted', () => {
  const directory = freshDirectory();
  const store = createStore(directory);
  recordWarningEvent(store, 'ili', proposal('w-december', '2019-12-12T08:00:00+08:00'), 'duty');
  // Before the pass restarts, an action dated before December's is refused: the log only moves forward.
  expect(() =>
    recordWarningEvent(store, 'ili', proposal('w-january', '2019-01-05T08:00:00+08:00'), 'duty'),
  ).toThrow(/before the last recorded event/);

  startExercise(store, 'ili', 'replay', Date.now());
  expect(Object.keys(bookOf(store, 'ili').warnings)).toEqual([]);
  recordWarningEvent(store, 'ili', proposal('w-january', '2019-01-05T08:00:00+08:00'), 'duty');
  expect(Object.keys(bookOf(store, 'ili').warnings)).toEqual(['w-january']);

  // The archived proposal is still in the audit, next to the exercise marker.
  const actions = store.audit().map((entry) => entry.action);
  expect(actions).toContain('warning.exercise');
  expect(actions.filter((action) => action === 'warning.propose')).toHaveLength(2);
  store.close();

  const reopened = createStore(directory);
  expect(Object.keys(bookOf(reopened, 'ili').warnings)).toEqual(['w-january']);
  expect(Object.keys(bookOf(reopened, 'kizilsu').warnings)).toEqual([]);
  reopened.close();
});

test("an exercise in one jurisdiction leaves the other one's warnings in force", () => {
  const store = createStore(freshDirectory());
  recordWarningEvent(store, 'ili', proposal('w-ili', '2019-12-12T08:00:00+08:00'), 'duty');
  startExercise(store, 'kizilsu', 'replay', Date.now());
  expect(Object.keys(bookOf(store, 'ili').warnings)).toEqual(['w-ili']);
  store.close();
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createStore } from '.';
import { liveSequenceBlock } from './live-sequences';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

it('hands out delta numbers one by one from memory, and after a restart only above every number handed out', () => {
  const directory = mkdtempSync(join(tmpdir(), 'live-sequences-'));
  directories.push(directory);
  const store = createStore(directory);
  expect(store.liveSequence('ili')).toBe(0);
  const first = Array.from({ length: liveSequenceBlock + 5 }, () => store.advanceLiveSequence('ili'));
  expect(first).toEqual(Array.from({ length: liveSequenceBlock + 5 }, (_, index) => index + 1));
  expect(store.liveSequence('ili')).toBe(liveSequenceBlock + 5);
  expect(store.advanceLiveSequence('kizilsu')).toBe(1);
  // No close: the process ends as in a crash, with what the store committed.
  const reopened = createStore(directory);
  const snapshot = reopened.liveSequence('ili');
  expect(snapshot).toBeGreaterThan(liveSequenceBlock + 5);
  expect(reopened.advanceLiveSequence('ili')).toBe(snapshot + 1);
  expect(reopened.advanceLiveSequence('ili')).toBe(snapshot + 2);
  expect(reopened.advanceLiveSequence('kizilsu')).toBeGreaterThan(1);
  reopened.close();
  store.close();
});

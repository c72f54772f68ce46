import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/**
 * How often a waiting runner looks at the event loop, and how long it watches it after its own step (short:
 * steps are ~10–25 ms, ./observation-days.ts, and a request that comes meanwhile is served before the look).
 */
const lookEveryMs = 200;
const watchAfterStepMs = 2;
/** The loop counts as idle below this share of busy time since the last look. */
const idleBelow = 0.5;
/**
 * A step waits this long after the last wake. A wake is a write, and the engine's tick and emit follow it:
 * the emit's socket writes that do not fit the kernel's buffers go out over the next tens of milliseconds
 * while the loop, by its own measure, is idle; a step then would hold up the clients still waiting (500
 * clients: the last of them 50–110 ms after the write; docs/PERFORMANCE.md, Live state, 2026-12-07).
 */
const quietAfterWakeMs = 120;
/** Past this without a step (a server busy all the time) a step runs anyway: the work still gets done. */
const stepAtLeastEveryMs = 10_000;

/**
 * Runs `step` (a few milliseconds of background work; true while more is left) only while the event loop is
 * otherwise idle, so that requests, bulk loads, the engine's ticks and their emits are not slowed: a step
 * waits until `quietAfterWakeMs` have passed since the last wake and less than half of the time since the
 * last look was spent on other work. `wake` after anything that may have made work; a step that throws (the
 * database gone) waits for the next wake.
 */
export function idleSteps(step: () => boolean) {
  let timer: NodeJS.Timeout | null = null;
  let since: EventLoopUtilization = performance.eventLoopUtilization();
  let lastStep = performance.now();
  let lastWake = Number.NEGATIVE_INFINITY;
  let stopped = false;

  const look = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const now = performance.now();
      const overdue = now - lastStep >= stepAtLeastEveryMs;
      const quietFor = now - lastWake;
      if (quietFor < quietAfterWakeMs && !overdue) return look(quietAfterWakeMs - quietFor);
      const busy = performance.eventLoopUtilization(since).utilization;
      since = performance.eventLoopUtilization();
      if (busy >= idleBelow && !overdue) return look(lookEveryMs);
      let more: boolean;
      try {
        more = step();
      } catch {
        return;
      }
      lastStep = performance.now();
      // The next look measures only what ran after this step.
      since = performance.eventLoopUtilization();
      if (more) look(watchAfterStepMs);
    }, delay);
    timer.unref();
  };

  return {
    wake(): void {
      lastWake = performance.now();
      if (!timer) look(lookEveryMs);
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

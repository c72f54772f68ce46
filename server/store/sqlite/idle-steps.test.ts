import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { idleSteps } from './idle-steps';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs no step within 120 ms of a wake: the emit after a write is still going out', async () => {
  const wakes: number[] = [];
  const steps: number[] = [];
  let left = 3;
  const runner = idleSteps(() => {
    steps.push(performance.now());
    left -= 1;
    return left > 0;
  });
  try {
    // A write every 40 ms for 0.8 s (an idle loop otherwise): the loop is quiet by its own measure throughout.
    for (let write = 0; write < 20; write += 1) {
      wakes.push(performance.now());
      runner.wake();
      await sleep(40);
    }
    const lastWake = wakes.at(-1)!;
    for (let waited = 0; left > 0 && waited < 2_000; waited += 20) await sleep(20);
    for (const at of steps) {
      const before = wakes.filter((wake) => wake <= at).at(-1)!;
      expect(at - before).toBeGreaterThanOrEqual(120);
    }
    // The work still gets done once the writes stop, every step of it.
    expect(left).toBe(0);
    expect(steps[0]! - lastWake).toBeLessThan(120 + 200);
  } finally {
    runner.stop();
  }
});

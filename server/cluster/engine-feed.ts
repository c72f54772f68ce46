import type { Logger } from 'pino';
import type { Engine } from '../engine';
import type { RedisLink } from './redis';

const stream = 'tianshan:engine-feed';
/** What a process's engine is told after a write; every process's engine must hear it. */
const inputs = [
  'ingested',
  'received',
  'stationsChanged',
  'eventsAppended',
  'setExternalRegionalWarning',
  'restartDataClock',
] as const;
type Input = (typeof inputs)[number];

/**
 * Every process keeps the engine state in memory (for its snapshots and state endpoints), so a write taken
 * by one process is told to every engine: the returned engine calls the local one, then appends the call
 * (rows as stored) to a Redis stream that every other process reads and applies. A stream, not pub/sub: a
 * process whose Redis connection drops reads on from where it stopped when it returns, and a write made
 * while Redis is away is queued by the feed's client and sent when it is back.
 */
export function engineFeed(engine: Engine, redis: RedisLink, origin: string, logger: Logger) {
  let closed = false;
  let lastId = '$';

  function publish(input: Input, args: unknown[]): void {
    redis.feed
      .xAdd(
        stream,
        '*',
        { origin, input, args: JSON.stringify(args) },
        { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 100_000 } },
      )
      .catch((error: Error) => logger.warn({ problem: error.message }, 'engine feed: write not sent'));
  }

  function apply(input: string, args: string): void {
    if (!(inputs as readonly string[]).includes(input)) return;
    const call = engine[input as Input] as (...values: unknown[]) => void;
    call(...(JSON.parse(args) as unknown[]));
  }

  async function read(): Promise<void> {
    // Start after the newest entry: what came before is already in the store this engine loaded.
    const newest = await redis.reader.xRevRange(stream, '+', '-', { COUNT: 1 }).catch(() => []);
    lastId = newest[0]?.id ?? '0-0';
    while (!closed) {
      try {
        const replies = (await redis.reader.xRead(
          { key: stream, id: lastId },
          { BLOCK: 2_000, COUNT: 500 },
        )) as { messages: { id: string; message: Record<string, string> }[] }[] | null;
        for (const { messages } of replies ?? [])
          for (const { id, message } of messages) {
            lastId = id;
            if (message.origin !== origin) apply(message.input!, message.args!);
          }
      } catch (error) {
        if (closed) return;
        logger.debug({ problem: (error as Error).message }, 'engine feed: read failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
  void read();

  const told = { ...engine };
  for (const input of inputs) {
    const local = engine[input] as (...values: unknown[]) => void;
    (told as Record<Input, unknown>)[input] = (...args: unknown[]) => {
      local(...args);
      publish(input, args);
    };
  }
  return {
    engine: told as Engine,
    close: () => {
      closed = true;
    },
  };
}

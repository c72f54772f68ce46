import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { type AnchoredHead, auditAnchor, auditAnchorFile } from './audit-anchor';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function anchorDirectory(): { anchor: ReturnType<typeof auditAnchor>; file: string } {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-anchor-'));
  directories.push(directory);
  const anchor = auditAnchor(directory);
  anchor.create();
  return { anchor, file: join(directory, auditAnchorFile) };
}

const headOf = (seq: number): AnchoredHead => ({ seq, hash: seq.toString(16).padStart(64, '0') });
const lineOf = (head: AnchoredHead) => `${head.seq} ${head.hash}\n`;
const lines = (file: string) => readFileSync(file, 'utf8');

test('a head is anchored once, also when asked again after other heads', () => {
  const { anchor, file } = anchorDirectory();
  for (const seq of [1, 1, 2, 2, 2, 3]) anchor.anchor(headOf(seq));
  expect(lines(file)).toBe([1, 2, 3].map((seq) => lineOf(headOf(seq))).join(''));
  expect(anchor.last()).toEqual(headOf(3));
});

test("another process's append is seen: its head is not appended again, the next one follows it", () => {
  const { anchor, file } = anchorDirectory();
  anchor.anchor(headOf(1));
  // The CLI beside the server commits entry 2 and anchors it in the same file.
  appendFileSync(file, lineOf(headOf(2)));
  anchor.anchor(headOf(2));
  anchor.anchor(headOf(3));
  expect(lines(file)).toBe([1, 2, 3].map((seq) => lineOf(headOf(seq))).join(''));
});

/** The anchoring as it was before this process remembered its own appends: read the tail every time. */
function plainAnchor(file: string, anchor: ReturnType<typeof auditAnchor>, head: AnchoredHead): void {
  if (anchor.last()?.seq !== head.seq) appendFileSync(file, lineOf(head));
}

type Step =
  | { kind: 'own'; seq: number }
  | { kind: 'foreign'; seq: number }
  | { kind: 'torn'; seq: number; length: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('own' as const), seq: fc.integer({ min: 1, max: 5 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('foreign' as const), seq: fc.integer({ min: 1, max: 5 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('torn' as const),
      seq: fc.integer({ min: 1, max: 5 }),
      length: fc.integer({ min: 1, max: 60 }),
    }),
  },
);

test('the remembered append writes the same file as reading the tail every time', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const fast = anchorDirectory();
      const plain = anchorDirectory();
      for (const next of steps) {
        if (next.kind === 'own') {
          fast.anchor.anchor(headOf(next.seq));
          plainAnchor(plain.file, plain.anchor, headOf(next.seq));
        } else {
          // Another process appends to both files alike: a whole line, or one torn by its crash.
          const text = lineOf(headOf(next.seq));
          const written = next.kind === 'torn' ? text.slice(0, next.length) : text;
          appendFileSync(fast.file, written);
          appendFileSync(plain.file, written);
        }
        expect(lines(fast.file)).toBe(lines(plain.file));
      }
    }),
    { numRuns: 200 },
  );
});

import { z } from 'zod';

/**
 * What an enterprise does at one warning level (plans 4.3.1.1, the 一厂一策 measures):
 * cut its production load by a percentage, stop, produce in staggered shifts that take a stated share of
 * load off the response period, restrict its transport (heavy trucks), or nothing.
 */
export const measureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('cut'), percent: z.number().gt(0).lte(100) }),
  z.object({ kind: z.literal('stop') }),
  z.object({ kind: z.literal('staggered'), percent: z.number().gt(0).lte(100) }),
  z.object({ kind: z.literal('transport') }),
]);
export type Measure = z.infer<typeof measureSchema>;

/**
 * The share of stack emissions a measure removes. Staggered production counts only the share of load the
 * plan states it takes off; transport restrictions act on trucks, not stacks, so they count 0 here.
 */
export function stackShare(measure: Measure): number {
  switch (measure.kind) {
    case 'stop':
      return 1;
    case 'cut':
    case 'staggered':
      return measure.percent / 100;
    case 'none':
    case 'transport':
      return 0;
  }
}

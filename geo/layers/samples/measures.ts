import type { Jurisdiction } from '../../../shared/units/schema';
import type { EnterpriseClass, ResponseLevel } from '../enterprise';
import type { Measure } from '../measure';
import type { Random } from './random';

type Measures = Record<ResponseLevel, Measure>;

const cut = (percent: number): Measure => ({ kind: 'cut', percent });
const stop: Measure = { kind: 'stop' };
const none: Measure = { kind: 'none' };
const transport: Measure = { kind: 'transport' };
const ladder = (yellow: Measure, orange: Measure, red: Measure): Measures => ({ yellow, orange, red });

/**
 * Typical 一厂一策 ladders by class, after the national performance-grading guidance the plans cite
 * (4.3.1.1): A and leading reduce voluntarily, B–C cut more at each level, guarantee-class produce to
 * demand, small-micro only restrict their trucks. D stops entirely in Ili (Ili plan 4.3.1.1(1)).
 */
export function drawMeasures(
  random: Random,
  enterpriseClass: EnterpriseClass,
  jurisdiction: Jurisdiction,
): Measures {
  switch (enterpriseClass) {
    case 'A':
    case 'leading':
      return ladder(none, none, transport);
    case 'B':
      return random.pick([ladder(cut(10), cut(20), cut(30)), ladder(cut(20), cut(30), cut(50))]);
    case 'C':
      return random.pick([ladder(cut(20), cut(40), stop), ladder(cut(30), cut(50), stop)]);
    case 'D':
      return jurisdiction === 'ili' ? ladder(stop, stop, stop) : ladder(cut(50), stop, stop);
    case 'guarantee':
      return random.pick([ladder(cut(5), cut(10), cut(15)), ladder(none, cut(10), cut(20))]);
    case 'small-micro':
      return ladder(transport, transport, transport);
    case 'other':
      return random.pick([
        ladder(cut(10), cut(20), cut(30)),
        ladder({ kind: 'staggered', percent: 15 }, cut(20), cut(40)),
        ladder(transport, cut(10), cut(30)),
      ]);
  }
}

import { type ComponentProps, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JurisdictionState, UnitState, WarningState } from '../../../shared/state/schema';
import { LanguageProvider } from '../i18n/language';
import type { Change } from '../views/changes';
import { ChangeStrip } from './change-strip';
import { WarningList } from './warning-list';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const han = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

beforeAll(() => {
  // The provider reads the stored choice; node has no localStorage.
  Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => {} } });
});

function english(element: ReactElement): string {
  const html = renderToStaticMarkup(
    createElement(LanguageProvider, { fixed: 'en' } as ComponentProps<typeof LanguageProvider>, element),
  );
  return html.replace(/<[^>]+>/g, ' ');
}

const kizilsuUnit = (id: string): UnitState =>
  ({ id, issuedLevel: 'none', regionFloor: 'orange' }) as unknown as UnitState;

describe('the wall in English', () => {
  it("lists the autonomous region's warning and its units without Chinese punctuation", () => {
    const state = {
      jurisdiction: 'kizilsu',
      now: at('2019-02-05T04:00:00'),
      units: ['653001', '653022'].map(kizilsuUnit),
      warnings: [],
    } as unknown as JurisdictionState;
    const text = english(createElement(WarningList, { states: [state] }));
    expect(text).toContain('Artux City, Akto County');
    expect(text).not.toMatch(han);
  });

  it('says what changed in English words and punctuation, with the right article', () => {
    const region: WarningState['target'] = {
      kind: 'region',
      regionId: 'region:654002+654021+654022',
      members: ['654002', '654021', '654022'],
    };
    const changes: Change[] = [
      { at: at('2019-02-04T12:00:00'), jurisdiction: 'kizilsu', kind: 'external-set', level: 'orange' },
      { at: at('2019-12-14T07:00:00'), jurisdiction: 'ili', kind: 'issued', level: 'orange', target: region },
    ];
    // The strip shows the view's prefecture, on its own clock.
    const kizilsu = english(createElement(ChangeStrip, { changes, jurisdiction: 'kizilsu' }));
    expect(kizilsu).toContain('What changed (Kizilsu)');
    expect(kizilsu).toContain('Autonomous region issued an orange regional warning (Kizilsu)');
    expect(kizilsu).not.toContain('Regional warning (Yining City');
    const ili = english(createElement(ChangeStrip, { changes, jurisdiction: 'ili' }));
    expect(ili).toContain(
      'Regional warning (Yining City, Yining County, Qapqal Xibe AC): orange warning issued',
    );
    expect(ili).not.toContain('Autonomous region issued');
    for (const text of [kizilsu, ili]) expect(text).not.toMatch(han);
  });
});

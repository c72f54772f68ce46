import { type ComponentProps, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/api/responses';
import type { ComplianceFlagState, JurisdictionState } from '../../../shared/state/schema';
import { Compliance } from '../command/compliance';
import type { Language } from '../i18n/dictionary';
import { LanguageProvider } from '../i18n/language';
import { DecisionsDue } from './decisions-due';

const at = (iso: string) => Date.parse(`${iso}+08:00`);

beforeAll(() => {
  // The provider reads the stored choice; node has no localStorage.
  Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => {} } });
});

function text(language: Language, element: ReactElement): string {
  const html = renderToStaticMarkup(
    createElement(LanguageProvider, { fixed: language } as ComponentProps<typeof LanguageProvider>, element),
  );
  return html.replace(/<[^>]+>/g, '');
}

// The December 2019 replay at 12-12 05:00: Kuytun's orange start has been due since 12-11 22:00 (the
// forecast put its episode within the plan's 24 h lead then); the decision card proposes it from 12-12 22:00.
const flag: ComplianceFlagState = {
  kind: 'start-due',
  targetKey: 'unit:654003',
  warningId: null,
  level: 'orange',
  toLevel: null,
  since: at('2019-12-11T22:00:00'),
  explanation: { zh: '', en: '', citations: [] },
};
const state = {
  jurisdiction: 'ili',
  now: at('2019-12-12T05:00:00'),
  compliance: [flag],
} as unknown as JurisdictionState;
const session = { account: { role: 'commander' }, csrfToken: '' } as unknown as Session;

describe('how long a decision has waited reads as that, with its start, not as a warning lasting', () => {
  it('on the console banner', () => {
    const banner = (language: Language) =>
      text(language, createElement(Compliance, { state, units: new Map(), session }));
    expect(banner('zh')).toContain('已待决7小时（自2019-12-11 22:00起）');
    expect(banner('zh')).not.toContain('已持续');
    expect(banner('en')).toContain('due for 7 h (since 2019-12-11 22:00)');
    // The banner scrolls past five flags or so: its heading says how many there are.
    expect(banner('zh')).toContain('合规提示（预案第7章）· 1项');
    expect(banner('en')).toContain('Compliance flags (plan §7) · 1');
  });

  it("on the wall's decisions due", () => {
    const wall = (language: Language) => text(language, createElement(DecisionsDue, { states: [state] }));
    expect(wall('zh')).toContain('奎屯市 已待决7小时（自11日22时起）');
    expect(wall('zh')).not.toContain('已持续');
    expect(wall('en')).toContain('Kuytun City due for 7 h (since 12-11 22:00)');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Warning } from '../../../shared/rules';
import { HOUR } from '../../../shared/time';
import { LanguageProvider } from '../i18n/language';
import { ShortLeadNote, WarningCardHeader } from './warning-card';

const now = Date.parse('2019-12-14T07:00:00+08:00');

function issued(segments: Warning['segments']): Warning {
  return {
    id: 'w-1',
    episodeId: 'w-1',
    mergedFrom: null,
    target: {
      kind: 'region',
      regionId: 'region:654002+654021+654022',
      members: ['654002', '654021', '654022'],
    },
    status: 'issued',
    proposedLevel: segments[0]!.level,
    proposedAt: now,
    issuedAt: now,
    liftedAt: null,
    segments,
    pending: null,
    leadTime: null,
    history: [],
  };
}

const header = (warning: Warning) =>
  renderToStaticMarkup(createElement(WarningCardHeader, { warning, now, units: new Map() }));

describe('a warning card names the hour an approved level takes effect', () => {
  it('a regional warning issued at 07:00 for 20:00 says so, not only "issued, not yet in effect"', () => {
    const html = header(issued([{ level: 'orange', from: now + 13 * HOUR }]));
    expect(html).toContain('已发布（未生效）');
    expect(html).toContain('2019-12-14 20:00（北京时间）起生效');
  });

  it('an approved raise effective later names its hour beside the level in force', () => {
    const html = header(
      issued([
        { level: 'orange', from: now - 5 * HOUR },
        { level: 'red', from: now + 2 * HOUR },
      ]),
    );
    expect(html).toContain('生效中');
    expect(html).toContain('2019-12-14 09:00（北京时间）起生效');
  });

  it('a warning whose approved level is in force names no later hour', () => {
    expect(header(issued([{ level: 'orange', from: now - HOUR }]))).not.toContain('起生效');
  });
});

describe('the short-lead note cites the plan section in the screen language', () => {
  it('in English the section carries its English title beside the plan words', () => {
    // LanguageProvider reads the stored choice; this test has no browser storage.
    vi.stubGlobal('localStorage', { getItem: () => 'en', setItem: () => {} });
    const warning = {
      ...issued([{ level: 'orange', from: now + 13 * HOUR }]),
      leadTime: { requiredHours: 24, actualHours: 13, short: true, citation: '3.2 会商' },
    };
    const english = { fixed: 'en' as const, children: createElement(ShortLeadNote, { warning }) };
    const html = renderToStaticMarkup(createElement(LanguageProvider, english));
    vi.unstubAllGlobals();
    expect(html).toContain('Short lead time: 13 h of the 24 h asked (3.2 Consultation (会商))');
  });
});

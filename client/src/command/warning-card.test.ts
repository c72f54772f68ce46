import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../../shared/rules';
import { HOUR } from '../../../shared/time';
import { WarningCardHeader } from './warning-card';

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

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JurisdictionState, WarningState } from '../../../shared/state/schema';
import { WarningList } from './warning-list';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const region: WarningState['target'] = {
  kind: 'region',
  regionId: 'region:654002+654021+654022',
  members: ['654002', '654021', '654022'],
};

function listed(warning: WarningState): string {
  const state = { jurisdiction: 'ili', now: at('2019-12-14T10:00:00'), units: [], warnings: [warning] };
  return renderToStaticMarkup(
    createElement(WarningList, { states: [state as unknown as JurisdictionState] }),
  );
}

describe('the wall warning list', () => {
  const issued: WarningState = {
    id: 'w-1',
    target: region,
    status: 'issued',
    proposedLevel: 'orange',
    level: 'none',
    proposedAt: at('2019-12-14T07:00:00'),
    issuedAt: at('2019-12-14T07:00:00'),
    levels: [{ kind: 'issued', level: 'orange', at: at('2019-12-14T07:00:00') }],
  };

  it('says a warning issued ahead of its effective hour is not in force yet', () => {
    expect(listed(issued)).toContain('发布 2019-12-14 07:00 (已发布（未生效）)');
  });

  it('names a regional warning in Chinese words and punctuation', () => {
    expect(listed(issued)).toContain('区域预警：伊宁市等3个单元组成的区域');
  });

  it('lists a warning in force with its issue time alone', () => {
    const html = listed({ ...issued, status: 'active', level: 'orange' });
    expect(html).toContain('发布 2019-12-14 07:00');
    expect(html).not.toContain('未生效');
  });
});

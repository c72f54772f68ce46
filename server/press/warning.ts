import { unitById } from '../../geo/units';
import { segmentAt } from '../../shared/documents/facts';
import { beijingDate } from '../../shared/documents/format';
import type { PressWarning } from '../../shared/documents/listing';
import { noticeArea } from '../../shared/documents/notice';
import type { Warning } from '../../shared/rules/lifecycle/state';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import { HttpError } from '../http/errors';
import type { Store } from '../store/types';
import { bookOf, jurisdictionOfWarning } from '../warnings/book';

export type FoundWarning = { jurisdiction: Jurisdiction; warning: Warning };

/** A warning of the current exercise by id (read through the warning book), or 404. */
export function findWarning(store: Store, warningId: string): FoundWarning {
  const jurisdiction = jurisdictionOfWarning(store, warningId);
  const warning = jurisdiction ? bookOf(store, jurisdiction).warnings[warningId] : undefined;
  if (!jurisdiction || !warning) throw new HttpError(404, { error: `no warning ${warningId}` });
  return { jurisdiction, warning };
}

export function targetUnitIds(warning: Warning): string[] {
  return warning.target.kind === 'unit' ? [warning.target.unitId] : warning.target.members;
}

export function unitNames(ids: readonly string[]): { id: string; zh: string; en: string }[] {
  return ids.map((id) => {
    const unit = unitById.get(id);
    return { id, zh: unit?.nameZh ?? id, en: unit?.nameEn ?? id };
  });
}

/** Warnings announced and not lifted at a data time, each with the level segment it stands at. */
export function warningsInForceAt(store: Store, jurisdiction: Jurisdiction, at: number) {
  return Object.values(bookOf(store, jurisdiction).warnings).flatMap((warning) => {
    const found = segmentAt(warning, at);
    if (!found || (warning.liftedAt !== null && warning.liftedAt <= at)) return [];
    if (warning.status !== 'issued' && warning.status !== 'lifted') return [];
    return [{ warning, ...found }];
  });
}

/** Every warning issued by the data time (in force or lifted), for the press page's document list. */
export function pressWarnings(store: Store, jurisdiction: Jurisdiction, at: number): PressWarning[] {
  return Object.values(bookOf(store, jurisdiction).warnings).flatMap((warning): PressWarning[] => {
    const found = segmentAt(warning, at);
    if (!found || (warning.status !== 'issued' && warning.status !== 'lifted')) return [];
    const units = unitNames(targetUnitIds(warning));
    const region = warning.target.kind === 'region';
    const start = warning.segments[0]!.from;
    const end = Math.min(warning.liftedAt ?? at, at);
    const responseDates: string[] = [];
    for (let day = start; beijingDate(day) <= beijingDate(end); day += 24 * HOUR)
      responseDates.push(beijingDate(day));
    return [
      {
        id: warning.id,
        area: {
          zh: noticeArea({ jurisdiction, units, region }, 'zh'),
          en: noticeArea({ jurisdiction, units, region }, 'en'),
        },
        level: found.segment.level,
        approvedAt: found.segment.approvedAt,
        from: found.segment.from,
        liftedAt: warning.liftedAt !== null && warning.liftedAt <= at ? warning.liftedAt : null,
        responseDates,
      },
    ];
  });
}

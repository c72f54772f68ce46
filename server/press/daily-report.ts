import { categoryOf } from '../../shared/aqi/categories';
import { formDate, minute } from '../../shared/documents/format';
import type { Block, Cell, DocumentModel } from '../../shared/documents/model';
import { noticeArea } from '../../shared/documents/notice';
import { type DocumentLanguage, word } from '../../shared/documents/words';
import { higherLevel, levelRank, responseLevel, type WarningLevel } from '../../shared/levels';
import { measuresAt, plans } from '../../shared/plans';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { expectedReporters, reportingStatus } from '../http/reports';
import type { Store } from '../store/types';
import { checksAt, failingLines } from './effect';
import { targetUnitIds, unitNames, warningsInForceAt } from './warning';

const text = (value: string): Cell => ({ text: value });

/**
 * The daily response report (plans 5.1 信息报送) for a Beijing date: air quality at the day's end, the
 * warnings in force, the measures of the highest level, who reported (the daily reporting records of that
 * date) and the enterprise checks recorded by `at`. `at` is the day's last hour, or now if the day has not
 * ended.
 */
export function dailyReport(
  store: Store,
  engine: Engine,
  jurisdiction: Jurisdiction,
  date: string,
  at: number,
  exercise: boolean,
  language: DocumentLanguage,
): DocumentModel {
  const state = engine.state(jurisdiction, at);
  const inForce = warningsInForceAt(store, jurisdiction, at);
  const highest = inForce.reduce<WarningLevel>(
    (level, entry) => higherLevel(level, entry.segment.level),
    'none',
  );
  const plan = plans[jurisdiction];
  const unitName = (id: string) => unitNames([id])[0]![language];
  const blocks: Block[] = [
    ...(exercise ? [{ kind: 'mark', text: word(language, 'exerciseMark') } as const] : []),
    { kind: 'subtitle', text: word(language, 'commandOffice', jurisdiction) },
    { kind: 'title', text: word(language, 'dailyTitle', word(language, 'prefecture', jurisdiction)) },
    { kind: 'paragraph', text: word(language, 'dailyCovers', formDate(date, language)), align: 'center' },
    { kind: 'paragraph', text: word(language, 'dataTime', minute(at)), small: true, align: 'center' },
    { kind: 'heading', text: word(language, 'sectionAirQuality') },
    {
      kind: 'table',
      header: true,
      columns: [4, 2, 3, 3, 3],
      rows: [
        ['columnUnit', 'columnDailyAqi', 'columnPrimary', 'columnCategory', 'columnLevel'].map((key) =>
          text(word(language, key as 'columnUnit')),
        ),
        ...state.units.map((unit) => {
          const category = categoryOf(unit.dailyAqi);
          const level = unit.issuedLevel === 'none' ? '—' : word(language, 'level', unit.issuedLevel);
          return [
            text(unitName(unit.id)),
            text(unit.dailyAqi === null ? '—' : String(unit.dailyAqi)),
            text(unit.primaryPollutants.map((id) => word(language, 'species', id)).join(' ') || '—'),
            text(category ? word(language, 'category', category.level) : '—'),
            text(level),
          ];
        }),
      ],
    },
    { kind: 'heading', text: word(language, 'sectionWarnings') },
  ];
  if (inForce.length === 0)
    blocks.push({ kind: 'paragraph', text: word(language, 'noWarningsAt', minute(at)) });
  else
    blocks.push({
      kind: 'list',
      items: inForce.map(({ warning, segment }) => {
        const area = noticeArea(
          {
            jurisdiction,
            units: unitNames(targetUnitIds(warning)),
            region: warning.target.kind === 'region',
          },
          language,
        );
        return word(
          language,
          'snapshotWarning',
          `${area} ${word(language, 'level', segment.level)}`,
          minute(segment.approvedAt),
          minute(segment.from),
          word(language, 'response', responseLevel[segment.level]),
        );
      }),
    });
  blocks.push({ kind: 'heading', text: word(language, 'sectionMeasures') });
  if (highest === 'none') blocks.push({ kind: 'paragraph', text: word(language, 'noMeasures') });
  else
    blocks.push(
      { kind: 'paragraph', text: word(language, 'measuresAtLevel', word(language, 'level', highest), '4.3') },
      {
        kind: 'list',
        numbered: true,
        items: measuresAt(plan, highest)
          .filter((measure) => measure.group === 'mandatory')
          .map((measure) => `${language === 'zh' ? measure.zh : measure.en}（${measure.section}）`),
      },
    );
  const status = reportingStatus(expectedReporters(jurisdiction), store.dailyReports(jurisdiction, date));
  blocks.push(
    { kind: 'heading', text: word(language, 'sectionReports') },
    { kind: 'paragraph', text: word(language, 'reportsCount', status.reported, status.expected) },
    {
      kind: 'table',
      header: true,
      columns: [5, 2, 6, 3],
      rows: [
        ['columnReporter', 'columnReported', 'columnSummary', 'columnReceived'].map((key) =>
          text(word(language, key as 'columnReporter')),
        ),
        ...status.reporters.map((reporter) => [
          text(language === 'zh' ? reporter.nameZh : reporter.nameEn),
          text(word(language, reporter.reported ? 'yes' : 'no')),
          reporter.reported ? text(reporter.summary ?? '—') : { text: '', blank: true },
          text(reporter.receivedAt === null ? '—' : minute(reporter.receivedAt)),
        ]),
      ],
    },
    { kind: 'heading', text: word(language, 'sectionChecks') },
  );
  const checks = inForce
    .filter(({ segment }) => levelRank(segment.level) > 0)
    .map(({ warning, segment }) => checksAt(store, jurisdiction, warning, segment, at));
  const total = checks.reduce((sum, entry) => sum + entry.total, 0);
  const checked = checks.reduce((sum, entry) => sum + entry.checked, 0);
  const complying = checks.reduce((sum, entry) => sum + entry.complying, 0);
  const failing = checks.flatMap((entry) => failingLines(entry.statuses, language));
  blocks.push({ kind: 'paragraph', text: word(language, 'checksLine', checked, complying, total) });
  if (failing.length > 0)
    blocks.push(
      { kind: 'paragraph', text: word(language, 'notComplying') },
      { kind: 'list', items: failing },
    );
  blocks.push({ kind: 'paragraph', text: word(language, 'sourceLine', state.edition), small: true });
  return {
    title: word(language, 'dailyTitle', word(language, 'prefecture', jurisdiction)),
    language,
    blocks,
  };
}

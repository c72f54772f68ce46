import { levelSegments } from '../../shared/documents/facts';
import { beijingDate, formMinute, minute } from '../../shared/documents/format';
import type { Block, Cell, DocumentModel } from '../../shared/documents/model';
import { noticeArea } from '../../shared/documents/notice';
import { type DocumentLanguage, word } from '../../shared/documents/words';
import { responseLevel } from '../../shared/levels';
import { plans } from '../../shared/plans';
import type { Warning } from '../../shared/rules/lifecycle/state';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { expectedReporters } from '../http/reports';
import { currentLayer } from '../layers/layers';
import type { Store } from '../store/types';
import { courseChart } from './charts';
import { checksAt, failingLines, highestSegment, reductionAccount } from './effect';
import type { Figures } from './render-html';
import { targetUnitIds, unitNames } from './warning';

const text = (value: string): Cell => ({ text: value });
const levelColour = { yellow: '#FFD400', orange: '#FF8C00', red: '#E00000' } as const;
/** Hours shown before the warning starts and after it ends. */
const marginHours = 48;
/** engine.series gives 72 h per call. */
const seriesHours = 72;

/** Each unit's daily AQI D(t) from `from` to `to` (hour ends), read 72 h at a time from the engine. */
function dailyCourse(engine: Engine, jurisdiction: Jurisdiction, unitId: string, from: number, to: number) {
  const points = new Map<number, number | null>();
  for (let end = to; end > from - HOUR; end -= seriesHours * HOUR)
    for (const point of engine.series(jurisdiction, { kind: 'unit', id: unitId }, end).daily)
      if (point.time >= from && point.time <= to) points.set(point.time, point.aqi);
  return [...points.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * The post-episode summary (plans 5.1 / 5.2 总结评估): the warning and its levels with durations, the
 * pollution course (chart), each department's daily reporting, the enterprises' measures and the
 * emission-reduction account against the 10/20/30 % targets at every level held.
 */
export function episodeReport(
  store: Store,
  engine: Engine,
  jurisdiction: Jurisdiction,
  warning: Warning,
  exercise: boolean,
  language: DocumentLanguage,
): { model: DocumentModel; figures: Figures } {
  const plan = plans[jurisdiction];
  const now = engine.now(jurisdiction);
  const segments = levelSegments(warning);
  const unitIds = targetUnitIds(warning);
  const units = unitNames(unitIds);
  const area = noticeArea({ jurisdiction, units, region: warning.target.kind === 'region' }, language);
  const start = segments[0]!.from;
  const end = Math.min(warning.liftedAt ?? now, now);
  const hours = Math.max(0, Math.round((end - start) / HOUR));
  const blocks: Block[] = [
    ...(exercise ? [{ kind: 'mark', text: word(language, 'exerciseMark') } as const] : []),
    { kind: 'subtitle', text: word(language, 'commandOffice', jurisdiction) },
    { kind: 'title', text: word(language, 'episodeTitle', area) },
    { kind: 'paragraph', text: word(language, 'dataTime', minute(end)), small: true, align: 'center' },
    { kind: 'heading', text: word(language, 'sectionIssued') },
    {
      kind: 'table',
      header: true,
      columns: [3, 4, 3, 4, 4, 2, 3],
      rows: [
        [
          'warningLevel',
          'columnApprovedAt',
          'columnApprovedBy',
          'columnFrom',
          'columnTo',
          'columnHours',
          'columnResponse',
        ].map((key) => text(word(language, key as 'warningLevel'))),
        ...segments.map((segment, index) => {
          const until = segments[index + 1]?.from ?? warning.liftedAt;
          const stop = Math.min(until ?? end, end);
          return [
            text(word(language, 'level', segment.level)),
            text(formMinute(segment.approvedAt, language)),
            text(word(language, 'role', segment.approvedBy)),
            text(formMinute(segment.from, language)),
            text(until === null ? word(language, 'stillInForce') : formMinute(until, language)),
            text(String(Math.max(0, Math.round((stop - segment.from) / HOUR)))),
            text(word(language, 'response', responseLevel[segment.level])),
          ];
        }),
      ],
    },
    {
      kind: 'paragraph',
      text:
        warning.liftedAt !== null && warning.liftedAt <= now
          ? word(language, 'liftedAt', minute(warning.liftedAt), hours)
          : word(language, 'notLifted', hours),
    },
    { kind: 'heading', text: word(language, 'sectionCourse') },
    {
      kind: 'figure',
      id: 'course',
      caption: word(language, 'courseCaption'),
      alt: word(language, 'courseCaption'),
    },
  ];

  // The course, with the warning's periods shaded in their level's colour.
  const from = start - marginHours * HOUR;
  const to = Math.min(end + marginHours * HOUR, now);
  const courses = units.map((unit) => ({
    unit,
    points: dailyCourse(engine, jurisdiction, unit.id, from, to),
  }));
  const figure = courseChart({
    series: courses.map(({ unit, points }) => ({ name: unit[language], points })),
    thresholds: [150, 200, 300].map((value) => ({ value, label: word(language, 'threshold', value) })),
    periods: segments.map((segment, index) => ({
      from: segment.from,
      to: Math.min(segments[index + 1]?.from ?? end, end),
      colour: levelColour[segment.level],
      label: word(language, 'level', segment.level),
    })),
    yName: word(language, 'columnDailyAqi'),
  });
  blocks.push({
    kind: 'table',
    header: true,
    columns: [4, 3, 3, 3],
    rows: [
      [
        text(word(language, 'columnUnit')),
        text(word(language, 'columnPeak')),
        text(word(language, 'columnHoursAbove', 200)),
        text(word(language, 'columnHoursAbove', 300)),
      ],
      ...courses.map(({ unit, points }) => {
        const values = points.flatMap(([time, aqi]) =>
          aqi === null || time < start || time > end ? [] : [aqi],
        );
        return [
          text(unit[language]),
          text(values.length > 0 ? String(Math.max(...values)) : '—'),
          text(String(values.filter((aqi) => aqi > 200).length)),
          text(String(values.filter((aqi) => aqi > 300).length)),
        ];
      }),
    ],
  });

  // Each reporter's daily reports over the response days (plans 5.1).
  const days: string[] = [];
  for (
    let day = beijingDate(start);
    day <= beijingDate(end);
    day = beijingDate(Date.parse(`${day}T12:00:00+08:00`) + 24 * HOUR)
  )
    days.push(day);
  const reported = new Map<string, number>();
  for (const day of days)
    for (const row of store.dailyReports(jurisdiction, day))
      reported.set(row.reporter, (reported.get(row.reporter) ?? 0) + 1);
  const involved = expectedReporters(jurisdiction).filter(
    (reporter) => reporter.kind === 'member' || unitIds.includes(reporter.reporter),
  );
  blocks.push(
    { kind: 'heading', text: word(language, 'sectionResponse') },
    {
      kind: 'table',
      header: true,
      columns: [6, 3],
      rows: [
        [text(word(language, 'columnReporter')), text(word(language, 'columnDaysReported'))],
        ...involved.map((reporter) => [
          text(language === 'zh' ? reporter.nameZh : reporter.nameEn),
          text(`${reported.get(reporter.reporter) ?? 0} / ${days.length}`),
        ]),
      ],
    },
  );

  const top = highestSegment(segments);
  const checks = checksAt(store, jurisdiction, warning, top);
  blocks.push(
    { kind: 'heading', text: word(language, 'sectionEnterprises') },
    { kind: 'paragraph', text: word(language, 'checksLine', checks.checked, checks.complying, checks.total) },
  );
  const failing = failingLines(checks.statuses, language);
  if (failing.length > 0)
    blocks.push(
      { kind: 'paragraph', text: word(language, 'notComplying') },
      { kind: 'list', items: failing },
    );

  // Plans 4.3.1: 10 / 20 / 30 % at III / II / I, for each level the warning held.
  const levels = [...new Set(segments.map((segment) => segment.level))];
  const accounts = levels.map((level) => reductionAccount(store, jurisdiction, unitIds, level));
  const groups = accounts[0]?.groups.map((group) => group.group) ?? [];
  const layer = currentLayer(store, jurisdiction, 'enterprise');
  const share = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  blocks.push(
    { kind: 'heading', text: word(language, 'sectionReduction') },
    {
      kind: 'table',
      header: true,
      columns: [3, 2, ...groups.map(() => 3), 2],
      rows: [
        [
          text(word(language, 'warningLevel')),
          text(word(language, 'columnTarget')),
          ...groups.map((group) => text(word(language, 'columnGroup', group))),
          text(word(language, 'columnMet')),
        ],
        ...accounts.map((account, index) => [
          text(word(language, 'level', levels[index]!)),
          text(`${account.targetPercent}%`),
          ...account.groups.map((group) => text(share(group.share))),
          text(word(language, account.met ? 'yes' : 'no')),
        ]),
      ],
    },
    {
      kind: 'paragraph',
      small: true,
      text: word(
        language,
        'reductionBasis',
        accounts[0]?.enterprises.length ?? 0,
        layer.source === 'sample'
          ? word(language, 'sampleList')
          : word(language, 'importedList', layer.version),
      ),
    },
  );
  if (warning.liftedAt !== null) {
    const due = formMinute(warning.liftedAt + plan.reporting.summary.withinDays * 24 * HOUR, language);
    blocks.push({
      kind: 'paragraph',
      text: word(
        language,
        'summaryDue',
        plan.reporting.summary.withinDays,
        due,
        plan.reporting.summary.section,
      ),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: word(language, 'sourceLine', engine.state(jurisdiction, end).edition),
    small: true,
  });
  return {
    model: { title: word(language, 'episodeTitle', area), language, blocks },
    figures: { course: figure },
  };
}

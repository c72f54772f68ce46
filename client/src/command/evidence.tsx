import { useQueries } from '@tanstack/react-query';
import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import type { GradingRule } from '../../../shared/plans/grading-schema';
import { recommendationExplanation } from '../../../shared/rules/compliance';
import type { JurisdictionState, RecommendationEntry, SeriesState } from '../../../shared/state/schema';
import { queries } from '../api/queries';
import { useLanguage } from '../i18n/language';
import { type ChartBand, type ChartLine, EvidenceChart } from './evidence-chart';
import { cited, explained, marks, nameOf } from './words';

/** A grading rule in words, from its clauses (both languages, the plan's thresholds and durations). */
function ruleText(language: 'zh' | 'en', rule: GradingRule): string {
  const clause = (item: GradingRule['anyOf'][number]['allOf'][number]) =>
    item.kind === 'sustained'
      ? language === 'zh'
        ? `日AQI＞${item.threshold}持续${item.hours}小时`
        : `D > ${item.threshold} for ${item.hours} h`
      : language === 'zh'
        ? `日AQI＞${item.threshold}达24小时`
        : `D > ${item.threshold} for 24 h`;
  return rule.anyOf
    .map((alternative) => alternative.allOf.map(clause).join(language === 'zh' ? '且' : ' and '))
    .join(language === 'zh' ? '，或' : ', or ');
}

function seriesPoints(series: SeriesState): ChartLine['points'] {
  return [
    ...series.daily.map((point) => ({ time: point.time, value: point.aqi })),
    ...series.forecast.map((point) => ({ time: point.time, value: point.aqi })),
  ];
}

/** The members' mean per window; missing where any member is (Ili 3.3.3: no mean over fewer members). */
function meanLine(all: SeriesState[]): ChartLine['points'] {
  const byTime = new Map<number, (number | null)[]>();
  for (const series of all)
    for (const point of seriesPoints(series))
      byTime.set(point.time, [...(byTime.get(point.time) ?? []), point.value]);
  return [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([time, values]) => ({
      time,
      value:
        values.length === all.length && values.every((value) => value !== null)
          ? (values as number[]).reduce((sum, value) => sum + value, 0) / values.length
          : null,
    }));
}

/** The forecast's likely range, averaged over the members, where every member's forecast gives one. */
function rangeBand(all: SeriesState[]): ChartBand {
  const times = all[0]?.forecast.map((point) => point.time) ?? [];
  return times.flatMap((time) => {
    const points = all.map((series) => series.forecast.find((point) => point.time === time));
    if (points.some((point) => !point || point.aqiLow === null || point.aqiHigh === null)) return [];
    const low = points.reduce((sum, point) => sum + point!.aqiLow!, 0) / points.length;
    const high = points.reduce((sum, point) => sum + point!.aqiHigh!, 0) / points.length;
    return [{ time, low, high }];
  });
}

/**
 * The evidence one click away from a recommended action: the subject's daily AQI (a region's mean) with
 * every member's against the thresholds, the forecast range, and the plan clauses that decide it.
 */
export function Evidence({
  entry,
  state,
  plan,
  units,
}: {
  entry: RecommendationEntry;
  state: JurisdictionState;
  plan: Plan;
  units: ReadonlyMap<string, UnitListing>;
}) {
  const { language, t } = useLanguage();
  const answers = useQueries({
    queries: entry.members.map((id) => queries.series(state.jurisdiction, { kind: 'unit', id }, state.now)),
  });
  const loaded = answers.flatMap((answer) => (answer.data ? [answer.data] : []));
  const failed = answers.find((answer) => answer.error)?.error;
  const explanation = recommendationExplanation(plan, state, entry);
  const rule = plan.grading.find((candidate) => candidate.level === entry.level);
  const complete = loaded.length === entry.members.length;
  const lines: ChartLine[] = complete
    ? [
        ...(entry.members.length > 1
          ? loaded.map((series) => ({
              id: series.id,
              label: nameOf(language, units, series.id),
              points: seriesPoints(series),
              main: false,
            }))
          : []),
        {
          id: 'mean',
          label: entry.members.length > 1 ? t('regionAverage') : nameOf(language, units, entry.members[0]!),
          points: meanLine(loaded),
          main: true,
        },
      ]
    : [];
  return (
    <div className="evidence" data-testid="evidence">
      <p className="hint">{t('evidenceChart')}</p>
      {failed ? (
        <p className="notice error" role="alert">
          {failed.message}
        </p>
      ) : complete ? (
        <EvidenceChart lines={lines} band={rangeBand(loaded)} now={state.now} />
      ) : (
        <p className="hint">{t('loadingSeries')}</p>
      )}
      {explanation && <p>{explained(language, explanation)}</p>}
      <p className="citations">
        {t('planClauses')}
        {marks(language).colon}
        {rule && `${cited(language, rule.section)}: ${ruleText(language, rule)}`}
        {entry.kind === 'region' && plan.regional.kind === 'contiguous-average' && (
          <>
            {' · '}
            {cited(language, plan.regional.section)} {language === 'zh' ? plan.regional.zh : plan.regional.en}
          </>
        )}
      </p>
    </div>
  );
}

import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import type { DailySeries } from '../../../shared/rules';
import { evaluateUnit } from '../../../shared/rules';
import type { RegionsResult } from '../../../shared/rules/regions';
import type { JurisdictionState } from '../../../shared/state/schema';
import { LevelBadge } from '../components/LevelBadge';
import { beijingMinute } from '../time/beijing';
import { latestIssueTime } from './evaluation';
import type { Draft } from './ProposeForm';
import { useSay } from './say';

type Props = {
  plan: Plan;
  state: JurisdictionState;
  units: ReadonlyMap<string, UnitListing>;
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  regions: RegionsResult | null;
  onDraft: ((draft: Draft) => void) | null;
};

const when = (ms: number | null | undefined) => (ms == null ? '—' : beijingMinute(ms));

/** Per unit and per region: the level now, over the forecast horizon, from when to when, why, and the latest issue time. */
export function Recommendations({ plan, state, units, seriesByUnit, regions, onDraft }: Props) {
  const say = useSay();
  const name = (id: string) => units.get(id)?.nameZh ?? id;
  const withData = state.units.filter((unit) => unit.newestHour !== null);
  const withoutData = state.units.filter((unit) => unit.newestHour === null);
  return (
    <section className="command-panel" aria-labelledby="recommendations-title" data-testid="recommendations">
      <h2 id="recommendations-title">{say('预警建议', 'Recommendations')}</h2>
      <p className="hint">
        {say(
          '北京时间；起止为日AQI窗口结束时刻。提前量：',
          'Beijing time; start and end are window ends. Lead time: ',
        )}
        {plan.leadTime.zh}（{plan.leadTime.section}）
      </p>
      <h3>{say('区域', 'Regions')}</h3>
      {!regions || regions.regions.length === 0 ? (
        <p data-testid="no-regions">
          {say('当前及预报期内无达到条件的区域', 'No region meets a level now or in the forecast')}
        </p>
      ) : (
        <ul className="recommendation-list">
          {regions.regions.map((region) => {
            const latest = latestIssueTime(plan, region.firstWindowEnd, true);
            return (
              <li key={region.id} data-testid="engine-region" data-members={region.members.join(',')}>
                <LevelBadge level={region.level} /> {region.members.map(name).join('、')}
                <div>
                  {say('起', 'from')} {when(region.firstWindowEnd)} {say('止', 'to')}{' '}
                  {when(region.lastWindowEnd)}
                  {' · '}
                  {say('最迟上报建议', 'propose by')} <strong>{when(latest)}</strong>
                  {latest !== null && latest < state.now && (
                    <span className="late"> {say('（已不足提前量）', '(lead time already short)')}</span>
                  )}
                </div>
                <details>
                  <summary>{say('依据', 'Why')}</summary>
                  <p>{region.explanation.zh}</p>
                  <p className="citations">{region.explanation.citations.join('；')}</p>
                  <ul>
                    {region.decidingWindows.map((window) => (
                      <li key={window.windowEnd}>
                        {when(window.windowEnd)} {say('平均日AQI', 'mean daily AQI')}{' '}
                        {Math.round(window.average)} ＞ {window.threshold}
                      </li>
                    ))}
                  </ul>
                </details>
                {onDraft && (
                  <button
                    type="button"
                    onClick={() =>
                      onDraft({
                        kind: 'region',
                        members: region.members,
                        level: region.level,
                        reason: region.explanation.zh,
                      })
                    }
                  >
                    {say('据此拟提出区域预警', 'Draft a regional proposal')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{say('各单元', 'Units')}</h3>
      <table className="recommendation-table">
        <thead>
          <tr>
            <th>{say('单元', 'Unit')}</th>
            <th>{say('日AQI', 'Daily AQI')}</th>
            <th>{say('当前建议', 'Now')}</th>
            <th>{say('预报期建议', 'Over the forecast')}</th>
            <th>{say('起止', 'Start – end')}</th>
            <th>{say('最迟发布', 'Issue by')}</th>
            <th>{say('依据', 'Why')}</th>
          </tr>
        </thead>
        <tbody>
          {withData.map((unit) => {
            const series = seriesByUnit.get(unit.id);
            const evaluation = series ? evaluateUnit(plan, series, state.now) : null;
            const episode = evaluation?.episode ?? null;
            const latest = episode ? latestIssueTime(plan, episode.firstWindowEnd, false) : null;
            return (
              <tr key={unit.id} data-testid={`unit-recommendation-${unit.id}`}>
                <th scope="row">{name(unit.id)}</th>
                <td>{unit.dailyAqi ?? 'NA'}</td>
                <td>
                  <LevelBadge level={unit.recommendedLevel} />
                </td>
                <td data-testid="horizon-level">
                  <LevelBadge level={evaluation?.recommendedLevel ?? 'none'} />
                </td>
                <td>{episode ? `${when(episode.firstWindowEnd)} – ${when(episode.lastWindowEnd)}` : '—'}</td>
                <td>
                  {latest === null
                    ? episode
                      ? say('仅区域预警要求提前量', 'lead time for regions only')
                      : '—'
                    : when(latest)}
                </td>
                <td>
                  <details>
                    <summary>{say('展开', 'Show')}</summary>
                    <p>{(evaluation?.explanation ?? unit.explanation).zh}</p>
                    <p className="citations">
                      {(evaluation?.explanation ?? unit.explanation).citations.join('；')}
                    </p>
                    {evaluation?.levels
                      .filter((level) => level.holds)
                      .map((level) => (
                        <p key={level.level}>{level.explanation.zh}</p>
                      ))}
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {withoutData.length > 0 && (
        <p className="hint" data-testid="units-without-data">
          {say('无监测数据的单元（无法给出建议）：', 'Units without data (no recommendation): ')}
          {withoutData.map((unit) => name(unit.id)).join('、')}
        </p>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import type { DailySeries } from '../../../shared/rules';
import type { RegionsResult } from '../../../shared/rules/regions';
import { HOUR } from '../../../shared/time';
import { LevelBadge } from '../components/LevelBadge';
import { beijingHour, beijingMinute } from '../time/beijing';
import { whatIf } from './evaluation';
import { useSay } from './say';

type Props = {
  plan: Plan;
  now: number;
  units: ReadonlyMap<string, UnitListing>;
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  regions: RegionsResult | null;
  selected: readonly string[];
  onToggle: (unitId: string) => void;
  onPropose: (() => void) | null;
};

/** Ili 3.3.3 what-if: a region of exactly the selected units (map clicks or the checklist) against the engine's. */
export function WhatIf({ plan, now, units, seriesByUnit, regions, selected, onToggle, onPropose }: Props) {
  const say = useSay();
  const result = useMemo(
    () => whatIf(plan, selected, seriesByUnit, units, now),
    [plan, selected, seriesByUnit, units, now],
  );
  const key = [...selected].sort().join('+');
  const same = regions?.regions.find((region) => region.members.join('+') === key);
  const overlapping =
    regions?.regions.filter((region) => region.members.some((id) => selected.includes(id))) ?? [];
  const evaluation = result.evaluation;
  const points = result.series
    ? Array.from(result.series.values, (value, index) => ({
        time: result.series!.start + index * HOUR,
        value,
      })).filter((point) => point.time >= now - 24 * HOUR && !Number.isNaN(point.value))
    : [];
  return (
    <section className="command-panel" aria-labelledby="whatif-title" data-testid="whatif">
      <h2 id="whatif-title">{say('区域推演', 'Regional what-if')}</h2>
      <p className="hint">
        {say('在地图上点击单元或勾选下表以加入/移出区域。', 'Click units on the map or tick them below.')}
      </p>
      <fieldset className="unit-checklist">
        <legend>{say('单元', 'Units')}</legend>
        {[...units.values()].map((unit) => (
          <label key={unit.id}>
            <input
              type="checkbox"
              name="whatif-unit"
              value={unit.id}
              checked={selected.includes(unit.id)}
              onChange={() => onToggle(unit.id)}
            />
            {unit.nameZh}
          </label>
        ))}
      </fieldset>
      {selected.length > 0 && (
        <div data-testid="whatif-result" data-level={evaluation?.recommendedLevel ?? 'none'}>
          <p>
            {say('所选', 'Selected')} {selected.length} {say('个单元：', 'units: ')}
            <span data-testid="whatif-contiguous">
              {result.contiguous ? say('相邻连片', 'contiguous') : say('不连片', 'not contiguous')}
            </span>
            {'，'}
            <span>{result.enoughUnits ? say('数量≥3', '≥ 3 units') : say('不足3个', 'fewer than 3')}</span>
          </p>
          <p>
            {say('平均日AQI所达等级：', 'Level of the averaged daily AQI: ')}
            <LevelBadge level={evaluation?.recommendedLevel ?? 'none'} />
            {evaluation?.episode &&
              ` ${beijingMinute(evaluation.episode.firstWindowEnd)} – ${beijingMinute(evaluation.episode.lastWindowEnd)}`}
            {!evaluation && say('（有单元缺数据）', ' (a unit has no data)')}
          </p>
          {result.contiguous && result.enoughUnits && evaluation && evaluation.recommendedLevel !== 'none' ? (
            <p data-testid="whatif-qualifies">{say('可构成区域预警', 'May form a regional warning')}</p>
          ) : (
            <p>{say('不构成区域预警', 'Does not form a regional warning')}</p>
          )}
          <p data-testid="whatif-compare">
            {same
              ? say('与系统识别区域一致', 'Same as an engine region')
              : overlapping.length > 0
                ? say(
                    `系统识别区域：${overlapping.map((region) => region.members.map((id) => units.get(id)?.nameZh ?? id).join('、')).join('；')}`,
                    `Engine regions: ${overlapping.map((region) => region.members.join(', ')).join('; ')}`,
                  )
                : say('系统未识别包含所选单元的区域', 'No engine region includes these units')}
          </p>
          {evaluation && <p>{evaluation.explanation.zh}</p>}
          <table className="series-table">
            <caption>
              {say('平均日AQI序列（预报期以后为预报）', 'Averaged daily AQI (forecast after now)')}
            </caption>
            <tbody>
              {points
                .filter((_, index) => index % 6 === 0)
                .map((point) => (
                  <tr key={point.time} className={point.time > now ? 'forecast' : ''}>
                    <th scope="row">{beijingHour(point.time)}</th>
                    <td>{Math.round(point.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {onPropose && result.contiguous && result.enoughUnits && (
            <button type="button" onClick={onPropose}>
              {say('以所选单元拟提出区域预警', 'Draft a regional proposal for these units')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import { accountReductions } from '../../../geo/emissions/account';
import { checkRecorders } from '../../../geo/layers/enterprise-check';
import type { Session, UnitListing } from '../../../shared/api/responses';
import { levelRank, type WarningLevel } from '../../../shared/levels';
import { type IssuedLevel, measuresAt, type Plan } from '../../../shared/plans';
import { levelInForce, type WarningBook } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { LevelBadge } from '../components/LevelBadge';
import type { OfficeVersions } from '../live/useLive';
import { CheckForm, EnterpriseTable } from './EnterpriseChecks';
import { checkedEnterprises, useEnterpriseChecks, useEnterpriseLayer } from './enterprises';
import { ReportingStatus } from './ReportingStatus';
import { useSay } from './say';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  book: WarningBook | null;
  now: number;
  units: ReadonlyMap<string, UnitListing>;
  session: Session;
  office: OfficeVersions;
};

const groupZh = { health: '健康防护措施', advocacy: '倡议性减排措施', mandatory: '强制性减排措施' } as const;
const categoryZh = { industrial: '工业源', mobile: '移动源', dust: '扬尘源', other: '其他' } as const;
const groupZhName: Record<string, string> = {
  'so2+nox': 'SO₂+NOx',
  so2: 'SO₂',
  nox: 'NOx',
  pm: '颗粒物',
  vocs: 'VOCs',
};

/** The units under each level in force now (unit warnings and region members), highest level first. */
function activeAreas(book: WarningBook | null, now: number): { level: IssuedLevel; unitIds: string[] }[] {
  const byLevel = new Map<IssuedLevel, Set<string>>();
  for (const warning of Object.values(book?.warnings ?? {})) {
    const level: WarningLevel = levelInForce(warning, now);
    if (level === 'none') continue;
    const ids = warning.target.kind === 'unit' ? [warning.target.unitId] : warning.target.members;
    const set = byLevel.get(level) ?? new Set();
    for (const id of ids) set.add(id);
    byLevel.set(level, set);
  }
  return [...byLevel.entries()]
    .sort((a, b) => levelRank(b[0]) - levelRank(a[0]))
    .map(([level, ids]) => ({ level, unitIds: [...ids].sort() }));
}

/** While a level is in force: the cumulative measures, enterprises, the reduction account and daily reporting. */
export function ResponsePanel({ plan, jurisdiction, book, now, units, session, office }: Props) {
  const say = useSay();
  const layer = useEnterpriseLayer(jurisdiction);
  const areas = useMemo(() => activeAreas(book, now), [book, now]);
  const { checks } = useEnterpriseChecks(jurisdiction, office['enterprise-checks']);
  const mayRecord =
    checkRecorders.includes(session.account.role) &&
    (session.account.jurisdiction === null || session.account.jurisdiction === jurisdiction);
  if (areas.length === 0)
    return (
      <section className="command-panel" data-testid="response">
        <h2>{say('应急响应', 'Response')}</h2>
        <p>{say('当前无生效预警，无需启动响应措施', 'No level in force: no response measures')}</p>
      </section>
    );
  const name = (id: string) => units.get(id)?.nameZh ?? id;
  return (
    <section className="command-panel" aria-labelledby="response-title" data-testid="response">
      <h2 id="response-title">{say('应急响应', 'Response')}</h2>
      {areas.map(({ level, unitIds }) => {
        const measures = measuresAt(plan, level);
        const account = layer
          ? accountReductions({
              enterprises: layer.enterprises,
              level,
              unitIds,
              targets: plan.reductionTargets,
            })
          : null;
        return (
          <div key={level} className="response-level" data-testid="response-level" data-level={level}>
            <h3>
              <LevelBadge level={level} /> {plan.response.levels[level]}
              {say('级响应', ' response')}：{unitIds.map(name).join('、')}
            </h3>
            <h4>{say('措施清单（逐级累加）', 'Measures (cumulative)')}</h4>
            {(['health', 'advocacy', 'mandatory'] as const).map((group) => (
              <details key={group} open={group === 'mandatory'}>
                <summary>
                  {groupZh[group]}（{measures.filter((measure) => measure.group === group).length}）
                </summary>
                <ul data-testid={`measures-${group}`}>
                  {measures
                    .filter((measure) => measure.group === group)
                    .map((measure) => (
                      <li key={`${measure.section}-${measure.zh}`}>
                        <label>
                          <input type="checkbox" />
                          {measure.category && <strong>[{categoryZh[measure.category]}] </strong>}
                          {measure.zh}
                        </label>
                        <span className="responsible">
                          {say('责任单位：', 'Responsible: ')}
                          {measure.responsibleUnits.join('；')}
                        </span>{' '}
                        <span className="citations">〔{measure.section}〕</span>
                      </li>
                    ))}
                </ul>
              </details>
            ))}
            <h4>{say('涉及企业与减排核算', 'Enterprises and reduction account')}</h4>
            {layer?.label && <p className="hint">{layer.label}</p>}
            {account && (
              <>
                <table data-testid="reduction-account">
                  <thead>
                    <tr>
                      <th>{say('污染物', 'Pollutant')}</th>
                      <th>{say('排放量 t/a', 'Emissions t/a')}</th>
                      <th>{say('减排量 t/a', 'Reduction t/a')}</th>
                      <th>{say('比例', 'Share')}</th>
                      <th>{say('目标', 'Target')}</th>
                      <th>{say('达标', 'Met')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {account.groups.map((group) => (
                      <tr key={group.group}>
                        <th scope="row">{groupZhName[group.group] ?? group.group}</th>
                        <td>{group.emissions.toFixed(1)}</td>
                        <td>{group.reduction.toFixed(1)}</td>
                        <td>{group.share === null ? '—' : `${(group.share * 100).toFixed(1)}%`}</td>
                        <td>{account.targetPercent}%</td>
                        <td>{group.met ? say('是', 'yes') : say('否', 'no')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="hint">
                  {say(
                    'SO₂、NOx 可相互替代，但二者合计比例不得低于目标；单项比例：',
                    'SO₂ and NOx may be traded off but their combined share must reach the target; on their own: ',
                  )}
                  SO₂ {account.shares.so2 === null ? '—' : `${(account.shares.so2 * 100).toFixed(1)}%`}，NOx{' '}
                  {account.shares.nox === null ? '—' : `${(account.shares.nox * 100).toFixed(1)}%`}〔
                  {plan.reductionTargets.section}〕
                </p>
                <EnterpriseTable
                  rows={checkedEnterprises(account.enterprises, level, checks, book, now)}
                  unitName={name}
                  form={
                    mayRecord
                      ? (row) => <CheckForm jurisdiction={jurisdiction} enterprise={row} session={session} />
                      : null
                  }
                />
              </>
            )}
          </div>
        );
      })}
      <ReportingStatus
        plan={plan}
        jurisdiction={jurisdiction}
        now={now}
        session={session}
        changes={office.reports}
      />
    </section>
  );
}

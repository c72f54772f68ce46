import { useMemo } from 'react';
import { accountReductions } from '../../../geo/emissions/account';
import { checkRecorders } from '../../../geo/layers/enterprise-check';
import type { Session, UnitListing } from '../../../shared/api/responses';
import { levelRank, type WarningLevel } from '../../../shared/levels';
import { type IssuedLevel, measuresAt, type Plan } from '../../../shared/plans';
import { levelInForce, type WarningBook } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import type { OfficeVersions } from '../live/use-live';
import { CheckForm, EnterpriseTable } from './enterprise-checks';
import { checkedEnterprises, useEnterpriseChecks, useEnterpriseLayer } from './enterprises';
import { ReportingStatus } from './reporting-status';
import { cited, marks, nameOf, namesOf } from './words';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  book: WarningBook | null;
  now: number;
  units: ReadonlyMap<string, UnitListing>;
  session: Session;
  office: OfficeVersions;
};

const pollutantNames: Record<string, string> = { 'so2+nox': 'SO₂+NOx', so2: 'SO₂', nox: 'NOx', vocs: 'VOCs' };

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
  const { language, t } = useLanguage();
  const layer = useEnterpriseLayer(jurisdiction);
  const areas = useMemo(() => activeAreas(book, now), [book, now]);
  const { checks } = useEnterpriseChecks(jurisdiction, office['enterprise-checks']);
  const mayRecord =
    checkRecorders.includes(session.account.role) &&
    (session.account.jurisdiction === null || session.account.jurisdiction === jurisdiction);
  if (areas.length === 0)
    return (
      <section className="command-panel" data-testid="response">
        <h2>{t('responseTitle')}</h2>
        <p>{t('noResponse')}</p>
      </section>
    );
  const name = (id: string) => nameOf(language, units, id);
  return (
    <section className="command-panel" aria-labelledby="response-title" data-testid="response">
      <h2 id="response-title">{t('responseTitle')}</h2>
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
              <LevelBadge level={level} />{' '}
              {t('responseLevel', plan.response.levels[level], namesOf(language, units, unitIds))}
            </h3>
            <h4>{t('measuresCumulative')}</h4>
            {(['health', 'advocacy', 'mandatory'] as const).map((group) => (
              <details key={group} open={group === 'mandatory'}>
                <summary>
                  {t(`group-${group}`)} ({measures.filter((measure) => measure.group === group).length})
                </summary>
                <ul data-testid={`measures-${group}`}>
                  {measures
                    .filter((measure) => measure.group === group)
                    .map((measure) => (
                      <li key={`${measure.section}-${measure.zh}`}>
                        <label>
                          <input type="checkbox" />
                          {measure.category && <strong>[{t(`category-${measure.category}`)}] </strong>}
                          {language === 'zh' ? measure.zh : measure.en}
                        </label>
                        <span className="responsible">
                          {t('responsible')}
                          {measure.responsibleUnits
                            .map((name) =>
                              language === 'zh'
                                ? name
                                : (plan.memberUnits.find((member) => member.nameZh === name)?.nameEn ?? name),
                            )
                            .join(marks(language).list)}
                        </span>{' '}
                        <span className="citations">[{cited(language, measure.section)}]</span>
                      </li>
                    ))}
                </ul>
              </details>
            ))}
            <h4>{t('enterprisesAccount')}</h4>
            {layer?.label && <p className="hint">{layer.label}</p>}
            {account && (
              <>
                <table data-testid="reduction-account">
                  <thead>
                    <tr>
                      <th>{t('pollutant')}</th>
                      <th>{t('emissions')}</th>
                      <th>{t('reduction')}</th>
                      <th>{t('share')}</th>
                      <th>{t('targetShare')}</th>
                      <th>{t('met')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {account.groups.map((group) => (
                      <tr key={group.group}>
                        <th scope="row">
                          {group.group === 'pm'
                            ? t('particulate')
                            : (pollutantNames[group.group] ?? group.group)}
                        </th>
                        <td>{group.emissions.toFixed(1)}</td>
                        <td>{group.reduction.toFixed(1)}</td>
                        <td>{group.share === null ? '—' : `${(group.share * 100).toFixed(1)}%`}</td>
                        <td>{account.targetPercent}%</td>
                        <td>{group.met ? t('yes') : t('no')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="hint">
                  {t('tradeOff')}
                  SO₂ {account.shares.so2 === null ? '—' : `${(account.shares.so2 * 100).toFixed(1)}%`}, NOx{' '}
                  {account.shares.nox === null ? '—' : `${(account.shares.nox * 100).toFixed(1)}%`} [
                  {cited(language, plan.reductionTargets.section)}]
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

import type { UnitListing } from '../../../shared/api/responses';
import type { JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { LevelBadge } from '../components/LevelBadge';
import { beijingMinute } from '../time/beijing';
import { useSay } from './say';

const kindZh: Record<string, { zh: string; en: string }> = {
  'start-due': { zh: '达到启动条件但未启动', en: 'Conditions met, not started' },
  'lift-due': { zh: '达到解除条件但未解除', en: 'Lifting conditions met, not lifted' },
  'lower-due': { zh: '达到降级条件但未降级', en: 'Lowering conditions met, not lowered' },
  'without-grounds': { zh: '预警缺乏依据', en: 'Warning without grounds' },
};

/** Plan §7 accountability flags, first on the page, with how long each has been true (engine now − since). */
export function Compliance({
  state,
  units,
}: {
  state: JurisdictionState;
  units: ReadonlyMap<string, UnitListing>;
}) {
  const say = useSay();
  const flags = state.compliance;
  const targetName = (key: string) => {
    const [kind, id = ''] = key.split(/:(.*)/);
    if (kind === 'unit') return units.get(id)?.nameZh ?? id;
    return `${say('区域', 'Region')} ${id
      .replace(/^region:/, '')
      .split('+')
      .map((member) => units.get(member)?.nameZh ?? member)
      .join('、')}`;
  };
  if (flags.length === 0)
    return (
      <section className="compliance ok" data-testid="compliance" aria-live="polite">
        {say('合规检查：无异常', 'Compliance: nothing flagged')}
      </section>
    );
  return (
    <section className="compliance alert" data-testid="compliance" role="alert">
      <h2>{say('合规提示', 'Compliance flags')}</h2>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.kind}-${flag.targetKey}`} data-testid="compliance-flag" data-kind={flag.kind}>
            <strong>{say(kindZh[flag.kind]!.zh, kindZh[flag.kind]!.en)}</strong> {targetName(flag.targetKey)}{' '}
            <LevelBadge level={flag.toLevel ?? flag.level} />{' '}
            {say(
              `已持续${Math.round((state.now - flag.since) / HOUR)}小时（自${beijingMinute(flag.since)}）`,
              `for ${Math.round((state.now - flag.since) / HOUR)} h (since ${beijingMinute(flag.since)})`,
            )}
            <details>
              <summary>{say('依据', 'Why')}</summary>
              {flag.explanation.zh} 〔{flag.explanation.citations.join('；')}〕
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

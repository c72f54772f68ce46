import type { Warning } from '../../../shared/rules';
import { startOnApproval } from '../../../shared/rules/lifecycle/approval';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { roleName, stepName } from '../i18n/names';
import { when } from './words';

/**
 * The pending chain of a warning (预警发布: 审核 → 同意 → 批准), who signed, when and why, and whose turn it
 * is; and when the level would start if approved now (at the approval once its proposed time has passed).
 */
export function ApprovalChain({ warning, now }: { warning: Warning; now: number }) {
  const { language, t } = useLanguage();
  const pending = warning.pending;
  if (!pending) return null;
  const late = startOnApproval(pending.effectiveAt, now) > pending.effectiveAt;
  return (
    <div className="chain" data-testid="pending-chain">
      {t(`pending-${pending.kind}`)} <LevelBadge level={pending.level} />{' '}
      <span data-testid="pending-start">
        {late
          ? t('startsOnApproval', when(pending.effectiveAt))
          : `${t('effectiveFrom')} ${when(pending.effectiveAt)}`}
      </span>
      <ol>
        {pending.steps.map((step, index) => {
          const signature = pending.signatures[index];
          return (
            <li
              key={`${step.role}-${step.action}`}
              className={signature ? 'signed' : index === pending.signatures.length ? 'turn' : ''}
            >
              {roleName(language, step.role)} · {stepName(language, step.action)}
              {signature
                ? ` ✔ ${signature.userId} ${when(signature.at)}: ${signature.reason}`
                : ` — ${t('waiting')}`}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

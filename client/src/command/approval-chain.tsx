import type { Warning } from '../../../shared/rules';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { roleName, stepName } from '../i18n/names';
import { when } from './words';

/** The pending chain of a warning (预警发布: 审核 → 同意 → 批准), who signed, when and why, and whose turn it is. */
export function ApprovalChain({ warning }: { warning: Warning }) {
  const { language, t } = useLanguage();
  const pending = warning.pending;
  if (!pending) return null;
  return (
    <div className="chain" data-testid="pending-chain">
      {t(`pending-${pending.kind}`)} <LevelBadge level={pending.level} /> {t('effectiveFrom')}{' '}
      {when(pending.effectiveAt)}
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

import { responseLevel, type WarningLevel } from '../../../shared/levels';
import { useLanguage } from '../i18n/language';
import { levelHex } from '../map/colours';

/** A warning level in words (and response grade), never colour alone. */
export function LevelBadge({ level }: { level: WarningLevel }) {
  const { t } = useLanguage();
  return (
    <span
      className={`level-badge level-${level}`}
      style={{ borderColor: levelHex[level] }}
      data-level={level}
    >
      {t(level)}
      {level !== 'none' && ` · ${responseLevel[level]}`}
    </span>
  );
}

import { units } from '../../../geo/units';
import { useLanguage } from '../i18n/language';
import { unitName } from '../i18n/names';
import type { Selection } from '../map/situation-map';

/** Opens a unit's panel from the keyboard: the map's polygons are mouse targets only. */
export function UnitPicker({
  selection,
  onSelect,
}: {
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
}) {
  const { t, language } = useLanguage();
  return (
    <label className="unit-picker">
      {t('unitDetails')}
      <select
        data-testid="unit-picker"
        value={selection?.kind === 'unit' ? selection.id : ''}
        onChange={(event) => onSelect(event.target.value ? { kind: 'unit', id: event.target.value } : null)}
      >
        <option value="">—</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unitName(language, unit)}
          </option>
        ))}
      </select>
    </label>
  );
}

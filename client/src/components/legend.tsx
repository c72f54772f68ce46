import { categories } from '../../../shared/aqi/categories';
import { categoryName, enterpriseClassPhrase, type Phrase } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { dieselZoneStyle, hatchSpacing, levelHex, noDataColour, staleUnitAlpha } from '../map/colours';
import { complianceRings } from '../map/compliance-rings';
import type { Metric } from '../map/labels';
import type { LayerVisibility } from '../map/layers';
import { dustSymbols, enterpriseSymbols, staleSymbol } from '../map/symbols';

/** Swatches are sized in em so they grow with the text (the wall scales its type with the screen). */
function Swatch({ children }: { children: React.ReactNode }) {
  return (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      {children}
    </svg>
  );
}

/** A diesel zone as the map draws it (colours.ts dieselZoneStyle), over an AQI colour as on the map. */
function DieselZoneSwatch({ state }: { state: 'active' | 'inactive' }) {
  const style = dieselZoneStyle[state];
  // The swatch is drawn at about half the map's pixel size: lines and dashes are halved to match.
  const line = (hex: string, width: number, dash: [number, number] | null) => (
    <rect
      x="2"
      y="2"
      width="24"
      height="14"
      fill="none"
      stroke={hex}
      strokeWidth={width / 2 + 1}
      strokeDasharray={dash?.map((part) => part / 2).join(' ')}
    />
  );
  return (
    <Swatch>
      <rect width="28" height="18" fill="#FF7E00" />
      <rect width="28" height="18" fill={style.fillHex} fillOpacity={style.fillAlpha / 255} />
      {style.casing && line(style.casing.hex, style.casing.width, null)}
      {line(style.lineHex, style.lineWidth, style.dash)}
    </Swatch>
  );
}

/** The map's warning treatment in small: black-on-white hatching, denser for higher levels, in a thick band. */
function WarnedSwatch({ level }: { level: 'yellow' | 'orange' | 'red' }) {
  const step = hatchSpacing[level] / 3;
  const lines = Array.from({ length: Math.ceil(46 / step) }, (_, index) => index * step - 18);
  return (
    <Swatch>
      <rect width="28" height="18" fill="#FF7E00" />
      <g strokeLinecap="butt">
        {lines.map((x) => (
          <line key={x} x1={x} y1={18} x2={x + 18} y2={0} stroke="#fff" strokeWidth="2.6" />
        ))}
        {lines.map((x) => (
          <line key={x} x1={x} y1={18} x2={x + 18} y2={0} stroke="#000" strokeWidth="1.2" />
        ))}
      </g>
      <rect x="2" y="2" width="24" height="14" fill="none" stroke="#000" strokeWidth="4" />
      <rect x="2" y="2" width="24" height="14" fill="none" stroke={levelHex[level]} strokeWidth="2.4" />
    </Swatch>
  );
}

/** The legend is built from the same colour and symbol tables as the map, and only for layers shown. */
export function Legend({
  metric,
  visible,
  sampleLabel,
}: {
  metric: Metric;
  visible: LayerVisibility;
  sampleLabel: string | null;
}) {
  const { t, language } = useLanguage();
  return (
    <section className="legend" data-testid="legend" aria-label={t('legend')}>
      <h3>{metric === 'hourly' ? t('hourlyAqi') : t('dailyAqi')} (HJ 633)</h3>
      <ul>
        {categories.map((category, index) => (
          <li key={category.level}>
            <Swatch>
              <rect width="28" height="18" fill={category.hex} />
            </Swatch>
            {index === 0 ? 0 : categories[index - 1]!.upTo + 1}
            {Number.isFinite(category.upTo) ? `–${category.upTo}` : '+'} {categoryName(language, category)}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <Swatch>
            <rect width="28" height="18" fill={`rgb(${noDataColour.slice(0, 3).join(',')})`} />
          </Swatch>
          {t('legendPartial')}
        </li>
      </ul>
      <p className="legend-note">{t('legendWarned')}</p>
      <ul>
        {(['yellow', 'orange', 'red'] as const).map((level) => (
          <li key={level} data-testid={`legend-warning-${level}`}>
            <WarnedSwatch level={level} />
            {t(level)}
          </li>
        ))}
        <li>
          <Swatch>
            <rect
              x="3"
              y="3"
              width="22"
              height="12"
              fill="none"
              stroke="#ff8c00"
              strokeOpacity="0.45"
              strokeWidth="7"
            />
            <rect
              x="3"
              y="3"
              width="22"
              height="12"
              fill="none"
              stroke="#fff"
              strokeWidth="2"
              strokeDasharray="4 3"
            />
          </Swatch>
          {t('legendRegionFound')}
        </li>
        <li>
          <Swatch>
            <rect width="28" height="18" fill="#99004C" fillOpacity={staleUnitAlpha / 255} />
          </Swatch>
          {t('staleUnit')}
        </li>
        <li>
          <Swatch>
            <circle cx="14" cy="9" r="7" fill="#888" stroke="#d5dce4" strokeWidth="2" />
          </Swatch>
          {t('pendingBoundary')}
        </li>
      </ul>
      {visible.stations && (
        <ul>
          <li>
            <Swatch>
              <circle cx="14" cy="9" r="6" fill="#FF7E00" stroke="#111" strokeWidth="1.5" />
            </Swatch>
            {t('station')}
          </li>
          <li>
            <Swatch>
              <circle
                cx="14"
                cy="9"
                r="6"
                fill="#FF7E00"
                fillOpacity="0.43"
                stroke="#fff"
                strokeWidth="2.5"
              />
            </Swatch>
            {t('simulated')}
          </li>
          <li>
            <img className="swatch-icon" src={staleSymbol.url} alt="" />
            {t('stale')}
          </li>
        </ul>
      )}
      {visible.enterprises && (
        <>
          {/* Named: "A级" or "未生效" alone does not say which layer it keys. */}
          <p className="legend-note">{t('enterprises')}</p>
          <ul>
            {Object.entries(enterpriseSymbols).map(([grade, symbol]) => (
              <li key={grade}>
                <img className="swatch-icon" src={symbol.url} alt="" />
                {t(enterpriseClassPhrase(grade))}
              </li>
            ))}
            {(['complying', 'not-complying', 'unchecked'] as const).map((status) => (
              <li key={status} data-testid={`legend-${status}`}>
                <img className="swatch-icon" src={complianceRings[status].url} alt="" />
                {t(`ring-${status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {visible.dieselZones && (
        <>
          <p className="legend-note">{t('dieselZones')}</p>
          <ul>
            {(['active', 'inactive'] as const).map((state) => (
              <li key={state}>
                <DieselZoneSwatch state={state} />
                {t(state === 'active' ? 'zoneActive' : 'zoneInactive')}
              </li>
            ))}
          </ul>
        </>
      )}
      {visible.dustSources && (
        <>
          <p className="legend-note">{t('dustSources')}</p>
          <ul>
            {Object.entries(dustSymbols).map(([type, symbol]) => (
              <li key={type}>
                <img className="swatch-icon" src={symbol.url} alt="" />
                {t(type as Phrase)}
              </li>
            ))}
          </ul>
        </>
      )}
      {sampleLabel && (visible.enterprises || visible.dieselZones || visible.dustSources) && (
        <p className="note">{sampleLabel}</p>
      )}
      <p className="note">{t('approximateBoundary')}</p>
    </section>
  );
}

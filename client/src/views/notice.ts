import { unitById } from '../../../geo/units';
import { categoryOf } from '../../../shared/aqi/categories';
import { higherLevel, type WarningLevel } from '../../../shared/levels';
import { measuresAt, plans } from '../../../shared/plans';
import type { JurisdictionState, WarningState } from '../../../shared/state/schema';
import { categoryName, type Language, translate } from '../i18n/dictionary';
import { summarise } from '../live/summary';
import { beijingMinute } from '../time/beijing';

/** One health-protection measure of the plan: the plan's words, where they stand, and our English summary. */
type AdviceItem = { text: string; citation: string; summary: string | null };

/** A public notice: plain paragraphs, then (with a level in force) the plan's health advice with citations. */
export type Notice = { paragraphs: string[]; adviceIntro: string | null; advice: AdviceItem[] };

function unitName(id: string, language: Language): string {
  const unit = unitById.get(id);
  return unit ? (language === 'zh' ? unit.nameZh : unit.nameEn) : id;
}

function warningWords(warning: WarningState, language: Language): string {
  const level = translate(language, warning.level);
  const issued = beijingMinute(warning.issuedAt!);
  if (warning.target.kind === 'unit') {
    const name = unitName(warning.target.unitId, language);
    return language === 'zh' ? `${name}${level}（${issued}发布）` : `${name}: ${level}, issued ${issued}`;
  }
  const members = warning.target.members.map((id) => unitName(id, language));
  return language === 'zh'
    ? `${members.join('、')}区域${level}（${issued}发布）`
    : `area warning for ${members.join(', ')}: ${level}, issued ${issued}`;
}

/** The unit with the highest real-time AQI, for a notice without a warning. */
function worstUnitWords(state: JurisdictionState, language: Language): string {
  const worst = state.units
    .filter((unit) => unit.hourlyAqi !== null)
    .reduce<(typeof state.units)[number] | null>(
      (best, unit) => (best === null || unit.hourlyAqi! > best.hourlyAqi! ? unit : best),
      null,
    );
  if (!worst) return language === 'zh' ? '暂无实时AQI数据。' : 'No real-time AQI is available.';
  const name = unitName(worst.id, language);
  const category = categoryName(language, categoryOf(worst.hourlyAqi)!);
  return language === 'zh'
    ? `当前空气质量最差的单元为${name}，实时AQI ${worst.hourlyAqi}，${category}。`
    : `The worst unit now is ${name}: real-time AQI ${worst.hourlyAqi}, ${category}.`;
}

/** Plans 4.3: each level's measures add to the one below, so the advice is cumulative up to the level. */
function healthAdvice(state: JurisdictionState, level: Exclude<WarningLevel, 'none'>, language: Language) {
  const plan = plans[state.jurisdiction];
  const levelName = translate(language, level);
  const adviceIntro =
    language === 'zh'
      ? `依据《${plan.titleZh}》（${plan.documentNumber}），${levelName}期间的健康防护措施：`
      : `Health protection at warning level ${levelName}, from 《${plan.titleZh}》 ` +
        `(${plan.documentNumber}; ${plan.titleEn}). The plan's advice, in Chinese:`;
  const advice = measuresAt(plan, level)
    .filter((measure) => measure.group === 'health')
    .map((measure) => ({
      text: measure.zh,
      citation: language === 'zh' ? `预案${measure.section}` : `plan ${measure.section}`,
      summary: language === 'zh' ? null : measure.en,
    }));
  return { adviceIntro, advice };
}

/** A public notice from the state: data time, units per level, warnings in force and the plan's health advice. */
export function notice(state: JurisdictionState, language: Language): Notice {
  const { counts } = summarise([state]);
  const place = translate(language, state.jurisdiction);
  const time = beijingMinute(state.now);
  const inForce = state.warnings.filter((warning) => warning.level !== 'none' && warning.issuedAt !== null);
  const opening =
    language === 'zh'
      ? `截至北京时间${time}，${place}红色预警单元${counts.red}个、橙色${counts.orange}个、黄色${counts.yellow}个。`
      : `As of ${time} Beijing time, ${place} has ${counts.red} units at red, ${counts.orange} at orange ` +
        `and ${counts.yellow} at yellow.`;
  if (inForce.length === 0) {
    const none =
      language === 'zh' ? '目前无生效的重污染天气预警。' : 'No heavy-pollution warning is in force. ';
    return { paragraphs: [opening, none + worstUnitWords(state, language)], adviceIntro: null, advice: [] };
  }
  const warnings = inForce.map((warning) => warningWords(warning, language));
  const listed =
    language === 'zh' ? `生效预警：${warnings.join('；')}。` : `Warnings in force: ${warnings.join('; ')}.`;
  const highest = inForce.reduce<WarningLevel>((level, warning) => higherLevel(level, warning.level), 'none');
  return {
    paragraphs: [opening, listed],
    ...healthAdvice(state, highest as Exclude<WarningLevel, 'none'>, language),
  };
}

/** One advice line as printed: the plan's words, its citation, and in English our labelled summary. */
export function adviceLine(item: AdviceItem, language: Language): string {
  return language === 'zh'
    ? `${item.text}（${item.citation}）`
    : `${item.text} (${item.citation}; our summary, not the plan's words: ${item.summary})`;
}

import { unitById } from '../../../geo/units';
import type { JurisdictionState } from '../../../shared/state/schema';
import { type Language, translate } from '../i18n/dictionary';
import { summarise } from '../live/summary';
import { beijingMinute } from '../time/beijing';

function unitName(id: string, language: Language): string {
  const unit = unitById.get(id);
  return unit ? (language === 'zh' ? unit.nameZh : unit.nameEn) : id;
}

/** A plain public notice from the state: time, units per level, warnings in force and their issue times. */
export function noticeText(state: JurisdictionState, language: Language): string {
  const summary = summarise([state]);
  const place = translate(language, state.jurisdiction);
  const inForce = state.warnings.filter((warning) => warning.level !== 'none' && warning.issuedAt !== null);
  const warnings = inForce.map((warning) => {
    const target =
      warning.target.kind === 'unit'
        ? unitName(warning.target.unitId, language)
        : warning.target.members.map((id) => unitName(id, language)).join(language === 'zh' ? '、' : ', ');
    return `${target} ${translate(language, warning.level)} (${translate(language, 'issuedAt')} ${beijingMinute(warning.issuedAt!)})`;
  });
  if (language === 'zh')
    return (
      `截至北京时间${beijingMinute(state.now)},${place}红色预警单元${summary.counts.red}个、橙色${summary.counts.orange}个、` +
      `黄色${summary.counts.yellow}个。` +
      (warnings.length > 0
        ? `生效预警:${warnings.join(';')}。请公众减少户外活动,做好健康防护。`
        : '目前无生效的重污染天气预警。')
    );
  return (
    `As of ${beijingMinute(state.now)} Beijing time, ${place} has ${summary.counts.red} units at red, ` +
    `${summary.counts.orange} at orange and ${summary.counts.yellow} at yellow. ` +
    (warnings.length > 0
      ? `Warnings in force: ${warnings.join('; ')}. Please limit outdoor activity.`
      : 'No heavy-pollution warning is in force.')
  );
}

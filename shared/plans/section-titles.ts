/**
 * English titles of the plans' section headings: a citation stays the plan's own words ("3.3.2 预警分级标准",
 * how a reader finds it in the text), and English screens give the title beside it in both scripts.
 */
export const sectionTitlesEn: Record<string, string> = {
  术语和定义: 'Terms and definitions',
  适用范围: 'Scope',
  会商: 'Consultation',
  预警分级: 'Warning levels',
  预警分级指标: 'Grading indicator',
  预警分级标准: 'Grading standard',
  预警启动: 'Starting a warning',
  预警发布: 'Issuing a warning',
  信息公开: 'Public information',
  级别调整和解除: 'Changing and lifting the level',
  应急响应分级: 'Response levels',
  应急响应启动: 'Starting the response',
  总体要求: 'General requirements',
  工业源管控: 'Industrial sources',
  移动源管控: 'Mobile sources',
  扬尘源管控: 'Dust sources',
  Ⅲ级健康防护措施: 'Level III health protection',
  Ⅲ级倡议性减排措施: 'Level III advocated reductions',
  Ⅲ级强制性减排措施: 'Level III mandatory reductions',
  Ⅱ级健康防护措施: 'Level II health protection',
  Ⅱ级倡议性减排措施: 'Level II advocated reductions',
  Ⅱ级强制性减排措施: 'Level II mandatory reductions',
  I级健康防护措施: 'Level I health protection',
  I级倡议性减排措施: 'Level I advocated reductions',
  I级强制性减排措施: 'Level I mandatory reductions',
  信息报送: 'Reporting',
  监督问责: 'Accountability',
};

/** Every "number heading" citation in an English text, given its English title with the plan's words beside. */
export function citationsInEnglish(text: string): string {
  return text.replace(
    /(\d+(?:\.\d+)*) ([Ⅰ-ⅫI]?[\u4e00-\u9fff]+)/g,
    (whole, number: string, heading: string) => {
      const title = sectionTitlesEn[heading];
      return title ? `${number} ${title} (${heading})` : whole;
    },
  );
}

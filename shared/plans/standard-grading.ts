import type { GradingRule } from './grading-schema';

/**
 * The grading standard both plans share word for word (Ili 预警分级标准, Kizilsu 3.3.1):
 * yellow: D > 200, or D > 150 for 48 h; orange: D > 200 for 48 h, or D > 150 for 72 h;
 * red: D > 200 for 72 h and D > 300 for 24 h. `section` is filled in by each plan.
 */
export function standardGrading(section: string): GradingRule[] {
  return [
    {
      level: 'yellow',
      section,
      anyOf: [
        { text: '预测日AQI＞200', allOf: [{ kind: 'sustained', threshold: 200, hours: 24 }] },
        { text: '日AQI＞150持续48小时及以上', allOf: [{ kind: 'sustained', threshold: 150, hours: 48 }] },
      ],
    },
    {
      level: 'orange',
      section,
      anyOf: [
        { text: '预测日AQI＞200持续48小时', allOf: [{ kind: 'sustained', threshold: 200, hours: 48 }] },
        { text: '日AQI＞150持续72小时及以上', allOf: [{ kind: 'sustained', threshold: 150, hours: 72 }] },
      ],
    },
    {
      level: 'red',
      section,
      anyOf: [
        {
          text: '预测日AQI＞200持续72小时且日AQI＞300持续24小时及以上',
          allOf: [
            { kind: 'sustained', threshold: 200, hours: 72 },
            { kind: 'someWithin', threshold: 300, hours: 48 },
          ],
        },
      ],
    },
  ];
}

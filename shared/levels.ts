import { z } from 'zod';

/** Warning levels, lowest first (both plans, 预警分级). */
export const warningLevels = ['none', 'yellow', 'orange', 'red'] as const;
export const warningLevelSchema = z.enum(warningLevels);
export type WarningLevel = z.infer<typeof warningLevelSchema>;

export function levelRank(level: WarningLevel): number {
  return warningLevels.indexOf(level);
}

export function higherLevel(a: WarningLevel, b: WarningLevel): WarningLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** Response level per warning level: yellow → III, orange → II, red → I (both plans, 应急响应分级). */
export const responseLevel: Record<Exclude<WarningLevel, 'none'>, 'III' | 'II' | 'I'> = {
  yellow: 'III',
  orange: 'II',
  red: 'I',
};

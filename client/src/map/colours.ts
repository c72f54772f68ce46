import { categoryOf } from '../../../shared/aqi/categories';
import type { WarningLevel } from '../../../shared/levels';

export type Rgba = [number, number, number, number];

/** Units are filled nearly opaque so the HJ 633 colour reads true from across a room. */
export const unitFillAlpha = 225;
export const staleUnitAlpha = 90;
export const noDataColour: Rgba = [120, 128, 138, 200];
/** Unit borders: thin and dark, so the fill carries the AQI and only warnings draw heavy lines. */
export const unitBorder: Rgba = [12, 16, 22, 255];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/** HJ 633 Appendix A colour of an AQI value; grey for NA. */
export function aqiColour(aqi: number | null, alpha = 255): Rgba {
  const category = categoryOf(aqi);
  return category ? hexToRgba(category.hex, alpha) : noDataColour;
}

/** Warning colours for outlines and badges (plans: 黄色/橙色/红色预警). */
export const levelHex: Record<WarningLevel, string> = {
  none: '#d5dce4',
  yellow: '#ffd400',
  orange: '#ff8c00',
  red: '#e60012',
};

export function levelColour(level: WarningLevel): Rgba {
  return hexToRgba(levelHex[level]);
}

/**
 * The warning treatment (issue 16): the warning colours sit close to the AQI colours (orange ≈ 轻度污染),
 * so a warning is never told by colour alone. Its unit is hatched black on white, which no AQI category
 * uses, and ringed by a thick band of the level's colour between white and black casings.
 */
export const warningStripe: Rgba = [0, 0, 0, 255];
export const warningCasing: Rgba = [255, 255, 255, 255];

/** Outline width in pixels (at scale 1) grows with the level, so levels differ without colour. */
export const levelWidth: Record<WarningLevel, number> = { none: 1, yellow: 5, orange: 7, red: 9 };
/** Hatch spacing in pixels (at scale 1): denser for a higher level. */
export const hatchSpacing: Record<Exclude<WarningLevel, 'none'>, number> = {
  yellow: 26,
  orange: 17,
  red: 11,
};

/**
 * Diesel restriction zones, for the map and the legend alike. An active zone is filled purple and outlined
 * heavily. An inactive one is only a dashed outline, no fill: a faint purple fill over an AQI colour read
 * as a tint of it (orange-pink over orange) and could be taken for an active zone. Its dashes are
 * near-black on a solid white casing, so the line shows over every AQI colour, yellow and maroon alike.
 */
export type ZoneStyle = {
  fillHex: string;
  fillAlpha: number;
  lineHex: string;
  /** Pixels at scale 1. */
  lineWidth: number;
  /** A wider solid line under the line: its dashes lie on it, and their gaps show it. Null for none. */
  casing: { hex: string; width: number } | null;
  /** Dash and gap in pixels at scale 1; null for a solid line. */
  dash: [number, number] | null;
};
export const dieselZoneStyle: Record<'active' | 'inactive', ZoneStyle> = {
  active: { fillHex: '#d633ff', fillAlpha: 150, lineHex: '#d633ff', lineWidth: 4, casing: null, dash: null },
  inactive: {
    fillHex: '#d633ff',
    fillAlpha: 0,
    lineHex: '#111111',
    lineWidth: 3,
    casing: { hex: '#ffffff', width: 5 },
    dash: [10, 6],
  },
};

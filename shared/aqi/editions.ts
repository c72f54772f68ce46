import type { EditionRules } from './rules';
import { rules2012 } from './rules-2012';
import { rules2026 } from './rules-2026';
import type { Edition } from './species';

/** HJ 633-2026 is in force from 2026-03-01 00:00 Beijing time (its 前言); data before that use 2012. */
export const edition2026From = Date.parse('2026-03-01T00:00:00+08:00');

/**
 * The edition for an hour or window ending at `windowEnd`: 2026 from 2026-03-01 00:00 Beijing time on
 * (a window ending exactly then is reported after the new edition took force), 2012 before.
 */
export function editionFor(windowEnd: number): Edition {
  return windowEnd >= edition2026From ? '2026' : '2012';
}

export function rulesFor(edition: Edition): EditionRules {
  return edition === '2026' ? rules2026 : rules2012;
}

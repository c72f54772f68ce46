import type { ComplianceStatus } from '../../../geo/layers/enterprise-check';
import type { MapSymbol } from './symbols';

type ShownStatus = Exclude<ComplianceStatus, 'not-required'>;

// The ring encloses the class symbol; the badge at its upper right carries the glyph.
const size = 44;
const badge = { x: 35, y: 9, r: 8 };

const glyphs: Record<ShownStatus, string> = {
  complying: `<polyline points="${badge.x - 4},${badge.y} ${badge.x - 1},${badge.y + 3.5} ${badge.x + 4.5},${badge.y - 3.5}" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>`,
  'not-complying': `<path d="M${badge.x - 3.5},${badge.y - 3.5}L${badge.x + 3.5},${badge.y + 3.5}M${badge.x + 3.5},${badge.y - 3.5}L${badge.x - 3.5},${badge.y + 3.5}" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/>`,
  unchecked: `<text x="${badge.x}" y="${badge.y + 4.5}" font-size="13" font-family="sans-serif" font-weight="bold" text-anchor="middle" fill="#111">?</text>`,
};

/** Solid thin green, thick red, or dashed orange: line weight, dash and glyph tell the state without colour. */
const rings: Record<ShownStatus, { colour: string; width: number; dash: string }> = {
  complying: { colour: '#1a9850', width: 3, dash: '' },
  'not-complying': { colour: '#d7191c', width: 6, dash: '' },
  unchecked: { colour: '#ff8c00', width: 3, dash: '6 4' },
};

function ring(status: ShownStatus): MapSymbol {
  const { colour, width, dash } = rings[status];
  const radius = size / 2 - 5;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<circle cx="${size / 2}" cy="${size / 2}" r="${radius}" fill="none" stroke="#111" stroke-opacity="0.5" stroke-width="${width + 2}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
    `<circle cx="${size / 2}" cy="${size / 2}" r="${radius}" fill="none" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
    `<circle cx="${badge.x}" cy="${badge.y}" r="${badge.r}" fill="${colour}" stroke="#111" stroke-width="1.5"/>` +
    `${glyphs[status]}</svg>`;
  return {
    id: `compliance-${status}`,
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    width: size,
    height: size,
  };
}

/** Issue 7: whether an enterprise carries out its measure at the level in force; the legend draws the same images. */
export const complianceRings: Record<ShownStatus, MapSymbol> = {
  complying: ring('complying'),
  'not-complying': ring('not-complying'),
  unchecked: ring('unchecked'),
};

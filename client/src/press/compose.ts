import type { BriefingText } from './briefingText';
import { type Box, briefingLayout } from './layout';
import type { BriefingLegend, LegendRow } from './legendRows';

const colours = { page: '#10151c', panel: '#18212c', text: '#e8edf2', muted: '#9aa7b4', rule: '#2c3a4a' };

function drawSwatch(context: CanvasRenderingContext2D, row: LegendRow, box: Box, scale: number): void {
  context.save();
  if (row.kind === 'fill') {
    context.fillStyle = row.colour;
    context.fillRect(box.x, box.y, box.width, box.height);
  } else if (row.kind === 'outline') {
    context.strokeStyle = row.colour;
    context.lineWidth = row.width * scale;
    const inset = context.lineWidth / 2;
    context.strokeRect(box.x + inset, box.y + inset, box.width - inset * 2, box.height - inset * 2);
  } else if (row.kind === 'point') {
    const radius = 7 * scale;
    context.beginPath();
    context.arc(box.x + box.width / 2, box.y + box.height / 2, radius, 0, Math.PI * 2);
    context.globalAlpha = row.opacity;
    context.fillStyle = row.colour;
    context.fill();
    context.globalAlpha = 1;
    context.strokeStyle = row.stroke;
    context.lineWidth = row.width * scale;
    context.stroke();
  } else {
    // The map's region floor: a translucent band with a white dashed line on it (as in the page legend).
    context.globalAlpha = 0.45;
    context.strokeStyle = row.colour;
    context.lineWidth = 7 * scale;
    context.strokeRect(box.x + 3 * scale, box.y + 3 * scale, box.width - 6 * scale, box.height - 6 * scale);
    context.globalAlpha = 1;
    context.strokeStyle = '#fff';
    context.lineWidth = 2 * scale;
    context.setLineDash([4 * scale, 3 * scale]);
    context.strokeRect(box.x + 3 * scale, box.y + 3 * scale, box.width - 6 * scale, box.height - 6 * scale);
  }
  context.restore();
}

/**
 * The briefing image: title bar, the map canvas (kept with preserveDrawingBuffer), the legend beside it
 * and the footer, drawn in the page's font so Chinese renders with the loaded CJK font.
 */
export function composeBriefing(
  mapCanvas: HTMLCanvasElement,
  text: BriefingText,
  legend: BriefingLegend,
  fontFamily: string,
): HTMLCanvasElement {
  const scale = mapCanvas.width / Math.max(1, mapCanvas.clientWidth || mapCanvas.width);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const font = (size: number, weight = 'normal') => `${weight} ${size}px ${fontFamily}`;
  context.font = font(Math.round(14 * scale));
  const layout = briefingLayout({
    mapWidth: mapCanvas.width,
    mapHeight: mapCanvas.height,
    scale,
    legendRows: legend.rows.length,
    footer: text.footer,
    measure: (line) => context.measureText(line).width,
  });
  canvas.width = layout.width;
  canvas.height = layout.height;
  const { padding, rowHeight } = layout;
  context.fillStyle = colours.page;
  context.fillRect(0, 0, layout.width, layout.height);
  context.textBaseline = 'middle';

  context.fillStyle = colours.panel;
  context.fillRect(layout.title.x, layout.title.y, layout.title.width, layout.title.height);
  context.fillStyle = colours.text;
  context.font = font(layout.bodyFont);
  const timeWidth = context.measureText(text.time).width;
  context.textAlign = 'right';
  context.fillText(text.time, layout.width - padding, layout.title.height / 2);
  context.textAlign = 'left';
  context.font = font(layout.titleFont, 'bold');
  context.fillText(text.title, padding, layout.title.height / 2, layout.width - padding * 3 - timeWidth);

  context.drawImage(mapCanvas, layout.map.x, layout.map.y);

  const panel = layout.legend;
  context.fillStyle = colours.panel;
  context.fillRect(panel.x, panel.y, panel.width, panel.height);
  context.fillStyle = colours.text;
  context.font = font(layout.bodyFont, 'bold');
  context.fillText(legend.heading, panel.x + padding, panel.y + padding + rowHeight / 2);
  context.font = font(layout.bodyFont);
  const swatch = { width: Math.round(36 * scale), height: Math.round(20 * scale) };
  legend.rows.forEach((row, index) => {
    const middle = panel.y + padding + rowHeight * (index + 1.5);
    const box = { x: panel.x + padding, y: middle - swatch.height / 2, ...swatch };
    drawSwatch(context, row, box, scale);
    context.fillStyle = colours.text;
    const left = box.x + swatch.width + padding / 2;
    // A long English label is condensed to the panel rather than cut off.
    context.fillText(row.label, left, middle, panel.x + panel.width - padding / 2 - left);
  });

  context.fillStyle = colours.rule;
  context.fillRect(0, layout.footer.y, layout.width, Math.max(1, Math.round(scale)));
  context.fillStyle = colours.muted;
  context.font = font(Math.round(14 * scale));
  layout.footerLines.forEach((line, index) => {
    context.fillText(line, padding, layout.footer.y + padding + layout.footerLineHeight * (index + 0.5));
  });
  return canvas;
}

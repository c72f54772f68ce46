/** Where each part of the briefing image goes, in canvas pixels; pure so the geometry is unit-tested. */
export type Box = { x: number; y: number; width: number; height: number };

type BriefingLayout = {
  width: number;
  height: number;
  title: Box;
  map: Box;
  legend: Box;
  footer: Box;
  /** Sizes in canvas pixels (CSS pixels × scale), for the drawing. */
  padding: number;
  rowHeight: number;
  titleFont: number;
  bodyFont: number;
  footerLineHeight: number;
  /** The footer's texts wrapped to the image width. */
  footerLines: string[];
};

/** CSS pixels, multiplied by the canvas's device-pixel scale. */
const css = {
  title: 64,
  legendWidth: 340,
  padding: 16,
  row: 28,
  footerLine: 22,
  titleFont: 26,
  bodyFont: 16,
};

/**
 * Title bar across the top, the map at its own size below it with the legend panel to its right, the
 * footer across the bottom; the body is as tall as the taller of map and legend.
 */
export function briefingLayout(input: {
  mapWidth: number;
  mapHeight: number;
  scale: number;
  legendRows: number;
  footer: readonly string[];
  /** Width of a footer text in canvas pixels (the canvas's measureText at the footer font). */
  measure: (text: string) => number;
}): BriefingLayout {
  const size = (value: number) => Math.round(value * input.scale);
  const padding = size(css.padding);
  const rowHeight = size(css.row);
  const footerLineHeight = size(css.footerLine);
  // The legend heading takes one row above the swatches.
  const legendHeight = padding * 2 + rowHeight * (input.legendRows + 1);
  const bodyHeight = Math.max(input.mapHeight, legendHeight);
  const width = input.mapWidth + size(css.legendWidth);
  const footerLines = input.footer.flatMap((text) => wrapText(text, width - padding * 2, input.measure));
  const title: Box = { x: 0, y: 0, width, height: size(css.title) };
  const map: Box = { x: 0, y: title.height, width: input.mapWidth, height: input.mapHeight };
  const legend: Box = {
    x: input.mapWidth,
    y: title.height,
    width: size(css.legendWidth),
    height: bodyHeight,
  };
  const footer: Box = {
    x: 0,
    y: title.height + bodyHeight,
    width,
    height: padding * 2 + footerLineHeight * footerLines.length,
  };
  return {
    width,
    height: footer.y + footer.height,
    title,
    map,
    legend,
    footer,
    padding,
    rowHeight,
    titleFont: size(css.titleFont),
    bodyFont: size(css.bodyFont),
    footerLineHeight,
    footerLines,
  };
}

/** Splits text into lines no wider than `maxWidth`: Chinese may break between any two characters, English between words. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && measure((line + piece).trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

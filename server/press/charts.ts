import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { minute } from '../../shared/documents/format';
import type { Figure } from './render-html';

export type CourseSeries = { name: string; points: [number, number | null][] };
export type CoursePeriod = { from: number; to: number; colour: string; label: string };

const width = 1000;
const height = 480;
const fontFamily = 'Noto Sans CJK SC, sans-serif';
/** Lines for the units, distinct from the level colours used for the shaded periods. */
const palette = [
  '#1f4e9c',
  '#2a9d8f',
  '#6a4c93',
  '#e76f51',
  '#264653',
  '#8d6e63',
  '#3a86ff',
  '#5f0f40',
  '#0b6e4f',
  '#9c6644',
];

/** An SVG from ECharts' server-side renderer and its PNG from resvg (for .docx, where SVG is not shown). */
export function figureFromSvg(svg: string, svgWidth: number, svgHeight: number): Figure {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: svgWidth * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: 'white',
  })
    .render()
    .asPng();
  return { svg, png, width: svgWidth, height: svgHeight };
}

/**
 * The pollution course: each unit's daily AQI D(t) against the grading thresholds, with the warning's
 * periods shaded in their level's colour (Apache ECharts, rendered on the server to SVG).
 */
export function courseChart(input: {
  series: CourseSeries[];
  thresholds: { value: number; label: string }[];
  periods: CoursePeriod[];
  yName: string;
}): Figure {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily },
    color: palette,
    grid: { left: 56, right: 24, top: 40, bottom: 72 },
    legend: { bottom: 4, type: 'plain', textStyle: { fontSize: 11 } },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (value: number) => minute(value).slice(5).replace(' ', '\n'), fontSize: 10 },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', name: input.yName, min: 0, nameTextStyle: { fontSize: 11 } },
    series: input.series.map((entry, index) => ({
      type: 'line',
      name: entry.name,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: 2 },
      data: entry.points,
      ...(index === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#555' },
              label: { position: 'insideEndTop', formatter: '{b}', fontSize: 10 },
              data: input.thresholds.map((threshold) => ({ yAxis: threshold.value, name: threshold.label })),
            },
            markArea: {
              silent: true,
              label: { position: 'insideTop', fontSize: 10, color: '#333' },
              data: input.periods.map((period) => [
                {
                  xAxis: period.from,
                  name: period.label,
                  itemStyle: { color: period.colour, opacity: 0.18 },
                },
                { xAxis: period.to },
              ]),
            },
          }
        : {}),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return figureFromSvg(svg, width, height);
}

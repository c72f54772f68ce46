import { expect, test } from 'vitest';
import { briefingLayout, wrapText } from './layout';

const tenPerCharacter = (text: string) => text.length * 10;

test('the title bar sits above the map, the legend beside it and the footer below both', () => {
  const layout = briefingLayout({
    mapWidth: 1280,
    mapHeight: 600,
    scale: 1,
    legendRows: 11,
    footer: ['边界为近似范围', 'Boundaries: echarts'],
    measure: tenPerCharacter,
  });
  // 1280 + a 340 px legend; 64 px title; the 600 px map is taller than the legend (2 × 16 + 12 rows × 28 = 368).
  expect(layout.width).toBe(1620);
  expect(layout.title).toEqual({ x: 0, y: 0, width: 1620, height: 64 });
  expect(layout.map).toEqual({ x: 0, y: 64, width: 1280, height: 600 });
  expect(layout.legend).toEqual({ x: 1280, y: 64, width: 340, height: 600 });
  // Two footer lines of 22 px with 16 px padding above and below.
  expect(layout.footer).toEqual({ x: 0, y: 664, width: 1620, height: 76 });
  expect(layout.height).toBe(740);
});

test('a short map leaves room for the whole legend, and a high-density canvas scales every size', () => {
  const short = briefingLayout({
    mapWidth: 400,
    mapHeight: 200,
    scale: 1,
    legendRows: 11,
    footer: [],
    measure: tenPerCharacter,
  });
  expect(short.legend.height).toBe(368);
  expect(short.footer.y).toBe(64 + 368);
  const double = briefingLayout({
    mapWidth: 2560,
    mapHeight: 1200,
    scale: 2,
    legendRows: 11,
    footer: ['x'],
    measure: tenPerCharacter,
  });
  expect(double.width).toBe(2560 + 680);
  expect(double.title.height).toBe(128);
  expect(double.footer.height).toBe(64 + 44);
});

test('footer text wraps to the image width: English between words, Chinese between characters', () => {
  expect(wrapText('one two three', 70, tenPerCharacter)).toEqual(['one two', 'three']);
  expect(wrapText('边界为近似范围', 30, tenPerCharacter)).toEqual(['边界为', '近似范', '围']);
  expect(wrapText('AQI依据HJ 633', 50, tenPerCharacter)).toEqual(['AQI依据', 'HJ', '633']);
});

import { pointOnFeature } from '@turf/point-on-feature';
import { fontFamily } from '../../client/src/map/label-font';
import { defaultBoundaries } from '../../geo/boundaries/default';
import { categories } from '../../shared/aqi/categories';
import { HOUR, toBeijingIso } from '../../shared/time';
import { decodePng, type Page, type Pixel } from './browser';

/** Drives the wall and map views for browser tests: feeds data over the HTTP API, reads the map's pixels. */
export const feederKey = 'e2e-feeder-key-0123456789abcdef';

export type TestStation = { id: string; unit: string; lon: number; lat: number };

/** One station per unit, placed inside the unit's boundary (Turf pointOnFeature). */
export function stationsFor(unitIds: readonly string[]): TestStation[] {
  const features = new Map(
    defaultBoundaries().features.map((feature) => [feature.properties.unitId, feature]),
  );
  return unitIds.map((unit, index) => {
    const [lon, lat] = pointOnFeature(features.get(unit)!).geometry.coordinates as [number, number];
    return { id: `T${String(index + 1).padStart(3, '0')}`, unit, lon, lat };
  });
}

async function send(url: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${feederKey}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
}

export async function registerStations(url: string, stations: readonly TestStation[]): Promise<void> {
  for (const station of stations)
    await send(url, 'PUT', `/api/stations/${station.id}`, {
      name: `测试站${station.id}`,
      lon: station.lon,
      lat: station.lat,
      unit: station.unit,
    });
}

/**
 * One hour of observations where PM2.5 decides the AQI: PM10 = 1.2 × PM2.5 and the gases stay low, so the
 * hourly AQI is PM2.5's IAQI (HJ 633-2012 Table 1, 24 h breakpoints used for the real-time report).
 */
export async function postHour(
  url: string,
  hourEnd: number,
  pm25ByStation: Record<string, number>,
): Promise<void> {
  // A wobble of a few units keeps the ingest's stuck-value check (6+ identical hours) from flagging them.
  const wobble = (hourEnd / HOUR) % 3;
  const observations = Object.entries(pm25ByStation).map(([station, pm25]) => ({
    station,
    time: toBeijingIso(hourEnd),
    pm25: pm25 + wobble,
    pm10: Math.round((pm25 + wobble) * 1.2),
    so2: 8 + wobble,
    no2: 20 + wobble,
    co: 0.5 + wobble / 10,
    o3: 20 + wobble,
  }));
  await send(url, 'POST', '/api/observations', { observations });
}

export async function postHours(
  url: string,
  firstHourEnd: number,
  hours: number,
  pm25At: (hourIndex: number) => Record<string, number>,
): Promise<void> {
  for (let index = 0; index < hours; index += 1)
    await postHour(url, firstHourEnd + index * HOUR, pm25At(index));
}

/** Waits until the map has loaded its boundaries and drawn at least one frame with unit values. */
export async function waitForValues(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__tianshan?.firstValuesFrameAt() != null, undefined, {
    timeout: 30_000,
  });
}

/** Points inside a unit (clear of stations), in page coordinates. */
async function probePoints(page: Page, unitId: string): Promise<[number, number][]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const points = await page.evaluate((id) => window.__tianshan!.probe(id), unitId);
  if (points.length === 0) throw new Error(`unit ${unitId} is not on screen`);
  return points.map(([x, y]) => [box.x + x, box.y + y]);
}

/** Units are drawn at alpha 225 over the background: the colours a category can show as. */
function blended(hex: string, alpha: number, background: Pixel): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number, under: number) =>
    (((value >> shift) & 255) * alpha + under * (255 - alpha)) / 255;
  return [channel(16, background.r), channel(8, background.g), channel(0, background.b)];
}

/** The middle one of a unit's probe points, to click on it. */
export async function unitPoint(page: Page, unitId: string): Promise<[number, number]> {
  const points = await probePoints(page, unitId);
  return points[Math.floor(points.length / 2)]!;
}

const offlineBackground: Pixel = { r: 0x1b, g: 0x24, b: 0x30, a: 255 };

/**
 * The HJ 633 category level (1–6) most of a unit's pixels show, or 0 for the no-data grey. Labels and
 * outlines cover a few pixels; the fill covers most.
 */
export async function unitCategory(page: Page, unitId: string): Promise<number> {
  const points = await probePoints(page, unitId);
  const image = decodePng(await page.screenshot());
  const candidates = [
    { level: 0, rgb: blended('#78808a', 200, offlineBackground) },
    ...categories.map((category) => ({
      level: category.level as number,
      rgb: blended(category.hex, 225, offlineBackground),
    })),
  ];
  const votes = new Map<number, number>();
  for (const [x, y] of points) {
    const pixel = image.pixelAt(x, y);
    const distance = (rgb: number[]) =>
      Math.abs(rgb[0]! - pixel.r) + Math.abs(rgb[1]! - pixel.g) + Math.abs(rgb[2]! - pixel.b);
    const nearest = candidates.reduce((best, candidate) =>
      distance(candidate.rgb) < distance(best.rgb) ? candidate : best,
    );
    if (distance(nearest.rgb) < 30) votes.set(nearest.level, (votes.get(nearest.level) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
}

/**
 * A known episode: 48 hours from 2019-01-05 13:00 (Beijing) for one station in each of five units. The
 * real-time hourly AQI of PM2.5 is its 24 h moving mean (HJ 633-2012 Table 1 with 24 h breakpoints):
 *   伊宁市 654002: 60 for 32 hours then 180 → newest mean (8×61 + 16×181)/24 = 141 → IAQI 187 中度 (4);
 *                  16 hours before the newest, all 60s → mean 61 → IAQI 82 良 (2)
 *   奎屯市 654003: 33 → mean 34 → IAQI 49 优 (1)
 *   伊宁县 654021: 100 → mean 101 → IAQI 133 轻度 (3)
 *   昭苏县 654026: 200 → mean 201 → IAQI 251 重度 (5)
 *   阿图什市 653001: 300 → mean 301 → IAQI 351 严重 (6)
 * (the wobble of 0–2 µg/m³ adds about 1 to each mean).
 */
export const episode = {
  first: Date.parse('2019-01-05T13:00:00+08:00'),
  hours: 48,
  stations: stationsFor(['654002', '654003', '654021', '654026', '653001']),
  readings(hourIndex: number): Record<string, number> {
    const [yiningCity, kuytun, yiningCounty, mongolkure, artux] = episode.stations.map(
      (station) => station.id,
    );
    return {
      [yiningCity!]: hourIndex < 32 ? 60 : 180,
      [kuytun!]: 33,
      [yiningCounty!]: 100,
      [mongolkure!]: 200,
      [artux!]: 300,
    };
  },
  get newest(): number {
    return episode.first + (episode.hours - 1) * HOUR;
  },
};

export async function seedEpisode(url: string): Promise<void> {
  await registerStations(url, episode.stations);
  await postHours(url, episode.first, episode.hours, episode.readings);
}

/**
 * Whether a station is drawn hatched (the stale symbol: grey #5a6470 crossed by near-white stripes) rather
 * than filled with its AQI colour: both kinds of pixel appear within 6 px of its centre.
 */
export async function stationHatched(page: Page, station: TestStation): Promise<boolean> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const [cx, cy] = await page.evaluate(
    ([lon, lat]) => window.__tianshan!.project(lon!, lat!),
    [station.lon, station.lat],
  );
  const image = decodePng(await page.screenshot());
  let grey = 0;
  let white = 0;
  for (let dy = -6; dy <= 6; dy += 1)
    for (let dx = -6; dx <= 6; dx += 1) {
      if (dx * dx + dy * dy > 36) continue;
      const pixel = image.pixelAt(box.x + cx + dx, box.y + cy + dy);
      if (Math.abs(pixel.r - 0x5a) + Math.abs(pixel.g - 0x64) + Math.abs(pixel.b - 0x70) < 40) grey += 1;
      if (pixel.r > 200 && pixel.g > 200 && pixel.b > 200) white += 1;
    }
  return grey > 5 && white > 5;
}

/** A forecast office issue for one unit: one window end per entry (POST /api/forecasts). */
export async function postForecast(
  url: string,
  issuedAt: number,
  unit: string,
  windows: { end: number; aqi: number }[],
): Promise<void> {
  await send(url, 'POST', '/api/forecasts', {
    issuedAt: toBeijingIso(issuedAt),
    source: 'e2e',
    forecasts: windows.map((window) => ({
      unit,
      windowEnd: toBeijingIso(window.end),
      aqi: window.aqi,
      aqiLow: window.aqi - 30,
      aqiHigh: window.aqi + 30,
      primary: 'pm25',
    })),
  });
}

type Fetch = (method: string, path: string, body?: unknown) => Promise<Response>;

/** A demo account's session (replay mode creates one per role, password `<role>-demo`). */
async function demoSession(url: string, role: string): Promise<Fetch> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: role, password: `${role}-demo` }),
  });
  if (!response.ok) throw new Error(`login ${role} → ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (method, path, body) =>
    fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

async function ok(response: Promise<Response>): Promise<unknown> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.url} → ${answer.status} ${await answer.text()}`);
  return answer.json();
}

type WarmState = { now: number; regions: { members: string[] }[] };

/**
 * The real December 2019 Yining episode (E3) at its first peak, as the replay leaves it after a warm-up of
 * `warmupHours` (start the server with REPLAY on, a tiny REPLAY_SPEED and REPLAY_WARMUP_HOURS): Ili's
 * commander issues an orange regional warning for the region the engine finds (Ili plan 3.3.3), and the
 * autonomous region sets an orange regional warning for Kizilsu (3.3.2) that Kizilsu has not answered yet.
 * Returns the regional warning's members.
 */
/** Issues Ili units' own orange warnings in the running replay (propose, sign, the commander issues). */
export async function issueUnitWarnings(url: string, unitIds: readonly string[]) {
  const override = { reason: '演练：按特殊情况发布，检验大屏' };
  const duty = await demoSession(url, 'duty-officer');
  const director = await demoSession(url, 'office-director');
  const commander = await demoSession(url, 'commander');
  for (const unitId of unitIds) {
    const proposed = (await ok(
      duty('POST', '/api/warnings/propose', {
        jurisdiction: 'ili',
        warningId: `ili-drill-${unitId}`,
        target: { kind: 'unit', unitId },
        level: 'orange',
        reason: '演练',
        overrideGuards: override,
      }),
    )) as { warning: { id: string } };
    const id = proposed.warning.id;
    await ok(director('POST', `/api/warnings/${id}/sign`, { reason: '审核同意' }));
    await ok(
      commander('POST', `/api/warnings/${id}/issue`, { reason: '批准发布', overrideGuards: override }),
    );
  }
}

export async function warnDuringEpisode(url: string, after = Date.parse('2019-12-09T00:00:00+08:00')) {
  let ili: WarmState | null = null;
  for (let attempt = 0; attempt < 600 && !(ili && ili.now > after); attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    ili = (await (await fetch(`${url}/api/state?jurisdiction=ili`)).json()) as WarmState;
  }
  const members = ili?.regions[0]?.members;
  if (!members) throw new Error('the replay warm-up found no Ili region');
  const duty = await demoSession(url, 'duty-officer');
  const director = await demoSession(url, 'office-director');
  const commander = await demoSession(url, 'commander');
  const proposed = (await ok(
    duty('POST', '/api/warnings/propose', {
      jurisdiction: 'ili',
      warningId: 'ili-e3-region',
      target: { kind: 'region', regionId: 'ili-e3-region', members },
      level: 'orange',
      reason: '区域日AQI均值超过200',
      // Proposed at the data time, without the plan's 24 h lead: the special case, recorded.
      overrideGuards: { reason: '演练：按特殊情况发布，检验大屏' },
    }),
  )) as { warning: { id: string } };
  const id = proposed.warning.id;
  await ok(director('POST', `/api/warnings/${id}/sign`, { reason: '审核同意' }));
  await ok(
    commander('POST', `/api/warnings/${id}/issue`, {
      reason: '批准发布',
      overrideGuards: { reason: '演练：按特殊情况发布，检验大屏' },
    }),
  );
  const kizilsu = (await (await fetch(`${url}/api/state?jurisdiction=kizilsu`)).json()) as WarmState;
  await ok(
    director('PUT', '/api/external-regional-warning', {
      jurisdiction: 'kizilsu',
      level: 'orange',
      issuedAt: new Date(kizilsu.now - 2 * HOUR).toISOString(),
      reference: '新环发〔2019〕演练',
    }),
  );
  return members;
}

/**
 * Computed font sizes (px) of the visible text inside an element: every element with a text node of its
 * own that has a box on screen.
 */
export async function visibleTextSizes(
  page: Page,
  testId: string,
): Promise<{ text: string; size: number }[]> {
  return page.getByTestId(testId).evaluate((root) => {
    const sizes: { text: string; size: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > window.innerHeight) continue;
      sizes.push({ text, size: Number.parseFloat(getComputedStyle(element).fontSize) });
    }
    return sizes;
  });
}

export type MapLabel = {
  id: string;
  text: string;
  position: [number, number];
  box: [number, number, number, number];
  /** Moved aside from its unit, with a leader line back to it. */
  leader: boolean;
};

export async function mapLabels(page: Page): Promise<MapLabel[]> {
  return page.evaluate(() => window.__tianshan!.labels());
}

/** The station markers' (ring and outline) and regiment seat markers' boxes on screen, which no label may cover. */
export async function mapMarkers(page: Page): Promise<{ id: string; box: MapLabel['box'] }[]> {
  return page.evaluate(() => window.__tianshan!.markers());
}

/**
 * The share of a unit's probe points drawn in the warning treatment: near-black or near-white pixels, far
 * from every HJ 633 category colour (as drawn over the background) and from the no-data grey.
 */
export async function warningTreatmentShare(page: Page, unitId: string): Promise<number> {
  const box = (await page.getByTestId('map').boundingBox())!;
  // The labels' own white text and black halo are not the treatment: points under a label are left out.
  const labels = await mapLabels(page);
  const points = (await probePoints(page, unitId)).filter(
    ([x, y]) =>
      !labels.some(
        ({ box: [left, top, right, bottom] }) =>
          x - box.x >= left && x - box.x <= right && y - box.y >= top && y - box.y <= bottom,
      ),
  );
  const image = decodePng(await page.screenshot());
  const fills = [
    blended('#78808a', 200, offlineBackground),
    ...categories.map((category) => blended(category.hex, 225, offlineBackground)),
  ];
  let treated = 0;
  for (const [x, y] of points) {
    const pixel = image.pixelAt(x, y);
    const nearest = Math.min(
      ...fills.map(
        (rgb) => Math.abs(rgb[0] - pixel.r) + Math.abs(rgb[1] - pixel.g) + Math.abs(rgb[2] - pixel.b),
      ),
    );
    const blackOrWhite =
      Math.max(pixel.r, pixel.g, pixel.b) < 40 || Math.min(pixel.r, pixel.g, pixel.b) > 215;
    if (blackOrWhite && nearest > 100) treated += 1;
  }
  return treated / points.length;
}

/** Where each run of a label's near-white text fill starts, in screen pixels from its first (a letter each). */
export async function labelLetterStarts(page: Page, box: MapLabel['box']): Promise<number[]> {
  const map = (await page.getByTestId('map').boundingBox())!;
  const image = decodePng(await page.screenshot());
  const columns: boolean[] = [];
  for (let x = Math.floor(map.x + box[0]); x <= map.x + box[2]; x += 1) {
    let ink = false;
    for (let y = Math.floor(map.y + box[1]); y <= map.y + box[3]; y += 1) {
      const pixel = image.pixelAt(x, y);
      if (pixel.r > 200 && pixel.g > 200 && pixel.b > 200) ink = true;
    }
    columns.push(ink);
  }
  return runStarts(columns);
}

function runStarts(columns: readonly boolean[]): number[] {
  const starts = columns.flatMap((ink, index) => (ink && !columns[index - 1] ? [index] : []));
  return starts.map((start) => start - starts[0]!);
}

/**
 * The same for the text drawn by the browser's own canvas in the label font (bold, no kerning: the map
 * places glyphs by their advances alone): where the font puts each letter.
 */
export async function fontLetterStarts(page: Page, text: string, size: number): Promise<number[]> {
  const columns = await page.evaluate(
    ([line, px, family]) => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(line.length * px) + 20;
      canvas.height = Math.ceil(px * 2);
      const context = canvas.getContext('2d')!;
      context.font = `bold ${px}px ${family}`;
      context.fontKerning = 'none';
      context.fillText(line, 10, px * 1.5);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      return Array.from({ length: canvas.width }, (_, x) =>
        Array.from({ length: canvas.height }, (_, y) => data[(y * canvas.width + x) * 4 + 3]!).some(
          (alpha) => alpha > 128,
        ),
      );
    },
    [text, size, fontFamily] as const,
  );
  return runStarts(columns);
}

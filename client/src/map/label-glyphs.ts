/**
 * The labels' SDF glyphs, drawn here rather than by deck.gl 9.4's own renderer: that renderer says each glyph
 * image starts `buffer` px left of the pen, but @mapbox/tiny-sdf ≥ 2.2 (installed: 2.3) now trims the glyph's
 * left side bearing off the image, so every Latin letter was drawn shifted left by its bearing and the gaps
 * between letters came out uneven ("XU AR", "Artu x" on the wall). Here the pen sits at a known place in the
 * image. CJK glyphs (no bearing to speak of) looked right either way.
 */

type Settings = { fontSize: number; buffer: number; radius: number; cutoff: number; fontFamily: string };
type Metrics = { advance: number; width: number; ascent: number; descent: number };

const far = 1e20;

type Scratch = { values: Float64Array; hull: Uint16Array; bounds: Float64Array };

/** One row or column of squared distances to the nearest seed (Felzenszwalb & Huttenlocher 2012), in place. */
function distanceLine(grid: Float64Array, offset: number, stride: number, length: number, scratch: Scratch) {
  const { values, hull, bounds } = scratch;
  for (let index = 0; index < length; index += 1) values[index] = grid[offset + index * stride]!;
  hull[0] = 0;
  bounds[0] = -far;
  bounds[1] = far;
  let top = 0;
  for (let q = 1; q < length; q += 1) {
    let s = 0;
    do {
      const r = hull[top]!;
      s = (values[q]! - values[r]! + q * q - r * r) / (q - r) / 2;
    } while (s <= bounds[top]! && --top > -1);
    top += 1;
    hull[top] = q;
    bounds[top] = s;
    bounds[top + 1] = far;
  }
  for (let q = 0, k = 0; q < length; q += 1) {
    while (bounds[k + 1]! < q) k += 1;
    const r = hull[k]!;
    grid[offset + q * stride] = values[r]! + (q - r) * (q - r);
  }
}

function distanceField(grid: Float64Array, width: number, height: number): void {
  const longest = Math.max(width, height);
  const scratch = {
    values: new Float64Array(longest),
    hull: new Uint16Array(longest),
    bounds: new Float64Array(longest + 1),
  };
  for (let x = 0; x < width; x += 1) distanceLine(grid, x, width, height, scratch);
  for (let y = 0; y < height; y += 1) distanceLine(grid, y * width, 1, width, scratch);
}

/** deck.gl's FontRenderer for the label font: measures as deck.gl does, draws with the pen at `left`. */
export function labelGlyphs(settings: Settings): {
  measure: (character?: string) => Metrics;
  draw: (character: string) => { data: ImageData; left: number; top: number };
} {
  const { fontSize, buffer, radius, cutoff, fontFamily } = settings;
  const font = `bold ${fontSize}px ${fontFamily}`;
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.font = font;
  const measure = (character?: string): Metrics => {
    if (character === undefined) {
      const metrics = context.measureText('A');
      return {
        advance: 0,
        width: 0,
        ascent: Math.ceil(metrics.fontBoundingBoxAscent),
        descent: Math.ceil(metrics.fontBoundingBoxDescent),
      };
    }
    const metrics = context.measureText(character);
    return {
      advance: metrics.width,
      width: Math.ceil(metrics.actualBoundingBoxRight - metrics.actualBoundingBoxLeft),
      ascent: Math.ceil(metrics.actualBoundingBoxAscent),
      descent: Math.ceil(metrics.actualBoundingBoxDescent),
    };
  };
  const draw = (character: string) => {
    const metrics = context.measureText(character);
    // The pen `left` px from the image's left edge, with room for ink that reaches left of it.
    const left = buffer + Math.max(0, Math.ceil(metrics.actualBoundingBoxLeft));
    const ascent = Math.max(0, Math.ceil(metrics.actualBoundingBoxAscent));
    const width = Math.max(1, left + Math.max(0, Math.ceil(metrics.actualBoundingBoxRight)) + buffer);
    const height = Math.max(
      1,
      ascent + Math.max(0, Math.ceil(metrics.actualBoundingBoxDescent)) + 2 * buffer,
    );
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const glyph = canvas.getContext('2d', { willReadFrequently: true })!;
    glyph.font = font;
    glyph.textBaseline = 'alphabetic';
    glyph.textAlign = 'left';
    glyph.fillText(character, left, buffer + ascent);
    const alpha = glyph.getImageData(0, 0, width, height).data;
    // Squared distances to the outside and to the inside; an edge pixel's coverage places the edge within it.
    const outer = new Float64Array(width * height).fill(far);
    const inner = new Float64Array(width * height);
    for (let index = 0; index < width * height; index += 1) {
      const coverage = alpha[index * 4 + 3]!;
      if (coverage === 0) continue;
      const edge = 0.5 - (coverage / 255) ** (1 / 2.2);
      const signed = coverage === 255 ? -far : edge * Math.abs(edge);
      outer[index] = Math.max(0, signed);
      inner[index] = Math.max(0, -signed);
    }
    distanceField(outer, width, height);
    distanceField(inner, width, height);
    const data = new ImageData(width, height);
    for (let index = 0; index < width * height; index += 1) {
      const distance = Math.sqrt(outer[index]!) - Math.sqrt(inner[index]!);
      data.data[index * 4 + 3] = 255 * (1 - cutoff) - (255 / radius) * distance;
    }
    return { data, left, top: buffer };
  };
  return { measure, draw };
}

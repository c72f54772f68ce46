/** Types for gifenc 1.0 (the package ships none): the functions server/press/playback.ts uses. */
declare module 'gifenc' {
  type Palette = number[][];
  function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number): Palette;
  function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette): Uint8Array;
  function GIFEncoder(): {
    writeFrame(
      index: Uint8Array,
      width: number,
      height: number,
      options?: { palette?: Palette; delay?: number; repeat?: number; transparent?: boolean },
    ): void;
    finish(): void;
    bytes(): Uint8Array;
  };
  const gifenc: {
    quantize: typeof quantize;
    applyPalette: typeof applyPalette;
    GIFEncoder: typeof GIFEncoder;
  };
  export default gifenc;
}

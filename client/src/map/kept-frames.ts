/**
 * The wall's finished frames, one per view (issue 16). The view cycle visits a fixed set of views; without
 * a GPU every redraw of the map is a software rasterisation and readback (~1.3 s of CPU here), so a view
 * drawn once for the current data and size is kept as a picture and shown again when the cycle returns,
 * instead of drawing the map again. The copy is taken right after MapLibre's frame, in the same task, so
 * it is exactly what the live map drew. The picture lies over the live map's canvas (and takes its pointer
 * events: it is a picture); the DOM beside and above the map stays live.
 */
export class KeptFrames {
  private readonly frames = new Map<string, HTMLCanvasElement>();
  private shownFrame: { key: string; canvas: HTMLCanvasElement } | null = null;
  /** Times a kept frame was shown instead of a drawn one (the wall benchmark reads it). */
  shows = 0;

  constructor(private readonly container: HTMLElement) {}

  /** The key of the frame shown over the live map, or null when the live map shows. */
  get shown(): string | null {
    return this.shownFrame?.key ?? null;
  }

  has(key: string): boolean {
    return this.frames.has(key);
  }

  /** Copies the frame just drawn (call in the task that drew it: the drawing buffer is cleared after). */
  keep(key: string, source: HTMLCanvasElement): void {
    let frame = this.frames.get(key);
    if (!frame || frame === this.shownFrame?.canvas) {
      frame = document.createElement('canvas');
      frame.className = 'kept-frame';
      frame.dataset.view = key;
      frame.style.display = 'none';
      this.frames.set(key, frame);
      this.container.appendChild(frame);
    }
    frame.width = source.width;
    frame.height = source.height;
    // Exactly where and as large as the map's canvas: a stretch by a fraction of a pixel would blur it.
    frame.style.width = source.style.width;
    frame.style.height = source.style.height;
    frame.getContext('2d')?.drawImage(source, 0, 0);
  }

  /** Shows a kept frame over the live map. */
  show(key: string): void {
    const canvas = this.frames.get(key);
    if (!canvas) return;
    canvas.style.display = 'block';
    if (this.shownFrame?.canvas !== canvas) this.hide();
    this.shownFrame = { key, canvas };
    this.shows += 1;
  }

  /** The live map shows again (its canvas holds the right picture). */
  hide(): void {
    const shown = this.shownFrame;
    if (!shown) return;
    shown.canvas.style.display = 'none';
    if (this.frames.get(shown.key) !== shown.canvas) shown.canvas.remove();
    this.shownFrame = null;
  }

  /**
   * What the map draws changed (data, size, language…): every kept frame is out of date. The one on
   * screen stays until the live map has drawn the new picture (then hide), so the wall never flashes.
   */
  clear(): void {
    for (const frame of this.frames.values()) if (frame !== this.shownFrame?.canvas) frame.remove();
    this.frames.clear();
  }
}

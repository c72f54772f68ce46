/**
 * deck.gl's animation loop asks for every animation frame to see whether anything changed; on the wall
 * that kept a core busy with nothing to draw (issue 16: 7–27 % idle). This frame provider parks the loop
 * instead: our own layer updates run one frame of it at once (`drawNow`), and a deck that still reports
 * work (async icon loads, layer updates), checked once a second, lets it run for a moment (`wake`).
 */
type DeckLike = {
  needsRedraw: (options: { clearRedrawFlags: boolean }) => false | string;
  layerManager?: { needsUpdate: () => false | string } | null;
  animationLoop?: { setProps: (props: { animationFrameProvider: FrameProvider }) => unknown } | null;
};
type FrameProvider = {
  requestAnimationFrame: (callback: FrameRequestCallback) => number;
  cancelAnimationFrame: (id: number) => void;
};

const parkedId = -1;
/** How long the loop keeps running after a wake: enough for a layer update and its first draw. */
const runMs = 400;
const watchMs = 1000;

export class OnDemandFrames {
  private parked: FrameRequestCallback | null = null;
  private runUntil = 0;
  private readonly watch: ReturnType<typeof setInterval>;
  /** After stop: a frame already requested must not run the loop of a deck being finalized (a remount). */
  private stopped = false;
  /** Frames the loop has run (the wall's idle test reads it). */
  frames = 0;

  constructor(private readonly deck: DeckLike) {
    const provider: FrameProvider = {
      requestAnimationFrame: (callback) => {
        if (performance.now() < this.runUntil || this.busy())
          return requestAnimationFrame(this.count(callback));
        this.parked = callback;
        return parkedId;
      },
      cancelAnimationFrame: (id) => {
        if (id === parkedId) this.parked = null;
        else cancelAnimationFrame(id);
      },
    };
    deck.animationLoop?.setProps({ animationFrameProvider: provider });
    this.watch = setInterval(() => {
      if (this.busy()) this.wake();
    }, watchMs);
  }

  /**
   * Our layers changed: run the loop's frame now, so deck.gl applies the layer update and asks MapLibre for a
   * repaint that MapLibre merges into the frame it has already planned (a view change). One drawn frame per
   * change, not one with the old layers and another with the new; without a GPU each costs a software
   * rasterisation and readback (issue 16).
   */
  drawNow(): void {
    const callback = this.parked;
    if (!callback) {
      this.wake();
      return;
    }
    this.parked = null;
    this.count(callback)(performance.now());
  }

  /** Something changed: let the loop run for a moment. */
  wake(): void {
    this.runUntil = performance.now() + runMs;
    const callback = this.parked;
    if (!callback) return;
    this.parked = null;
    requestAnimationFrame(this.count(callback));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.watch);
    this.parked = null;
  }

  private busy(): boolean {
    return Boolean(
      this.deck.needsRedraw({ clearRedrawFlags: false }) || this.deck.layerManager?.needsUpdate(),
    );
  }

  private count(callback: FrameRequestCallback): FrameRequestCallback {
    return (time) => {
      if (this.stopped) return;
      this.frames += 1;
      callback(time);
    };
  }
}

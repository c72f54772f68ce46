import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as gifencModule from 'gifenc';
import { PNG } from 'pngjs';

// gifenc ships CommonJS (Node's loader: functions on the default export) and ESM (bundlers: named exports).
const gifenc: typeof gifencModule.default =
  typeof gifencModule.quantize === 'function' ? gifencModule : gifencModule.default;
const { applyPalette, GIFEncoder, quantize } = gifenc;

/** Half a second per hour: three days play in 36 seconds. */
export const frameDelayMs = 500;

/**
 * An animated GIF of the frames with one palette for all (quantised from a sample of every frame), so the
 * colours do not flicker from hour to hour and identical areas encode alike.
 */
export function encodeGif(frames: readonly Buffer[]): Buffer {
  const decoded = frames.map((frame) => PNG.sync.read(frame));
  const { width, height } = decoded[0]!;
  // Every 7th pixel of every frame is enough to find the map's few flat colours and the text's greys.
  const step = 7 * 4;
  const sample = new Uint8Array(Math.ceil((width * height * 4) / step) * 4 * decoded.length);
  let offset = 0;
  for (const image of decoded)
    for (let index = 0; index < image.data.length; index += step) {
      sample.set(image.data.subarray(index, index + 4), offset);
      offset += 4;
    }
  const palette = quantize(sample.subarray(0, offset), 256);
  const gif = GIFEncoder();
  decoded.forEach((image, index) => {
    const indexed = applyPalette(
      new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length),
      palette,
    );
    gif.writeFrame(indexed, width, height, {
      palette: index === 0 ? palette : undefined,
      delay: frameDelayMs,
      repeat: 0,
    });
  });
  gif.finish();
  return Buffer.from(gif.bytes());
}

/** The reason mp4 cannot be made here, or null when Debian's ffmpeg is installed. */
export async function mp4Unavailable(): Promise<string | null> {
  try {
    await promisify(execFile)('ffmpeg', ['-version']);
    return null;
  } catch {
    return 'mp4 needs ffmpeg, which is not installed on this server (apt-get install ffmpeg, or run scripts/ensure-browser.sh); format=gif works without it';
  }
}

/** H.264 mp4 from the PNG frames through ffmpeg (yuv420p and faststart, so phones and slides play it). */
export async function encodeMp4(frames: readonly Buffer[]): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'tianshan-playback-'));
  const output = join(directory, 'playback.mp4');
  try {
    await new Promise<void>((resolve, reject) => {
      const ffmpeg = spawn(
        'ffmpeg',
        [
          '-loglevel',
          'error',
          '-f',
          'image2pipe',
          '-framerate',
          String(1000 / frameDelayMs),
          '-i',
          '-',
          '-c:v',
          'libx264',
          '-pix_fmt',
          'yuv420p',
          '-vf',
          'pad=ceil(iw/2)*2:ceil(ih/2)*2',
          '-movflags',
          '+faststart',
          output,
        ],
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let errors = '';
      ffmpeg.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
      });
      ffmpeg.on('error', reject);
      ffmpeg.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`ffmpeg failed: ${errors.trim()}`)),
      );
      for (const frame of frames) ffmpeg.stdin.write(frame);
      ffmpeg.stdin.end();
    });
    return await readFile(output);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * Reading an uploaded zip (zipped shapefiles, XLSX workbooks) without trusting it (issue 14, items 2–3):
 * the central directory must be readable (fflate bounds its end-of-archive search, where the reader under
 * shpjs wrapped round and spun forever), the entries are counted, and entries are inflated in small
 * slices, stopping as soon as the inflated total passes the cap — whatever sizes the headers declare.
 */
export type ZipLimits = { maxEntries: number; maxInflatedBytes: number };

/** A shapefile zip holds a handful of files, a workbook a few dozen; 5 MB uploads inflate to far less. */
export const uploadZipLimits: ZipLimits = { maxEntries: 1000, maxInflatedBytes: 64 * 1024 * 1024 };

export type ZipEntry = { name: string; originalSize: number };
export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; problem: string };
export type ZipRead = { ok: true; files: Map<string, Uint8Array> } | { ok: false; problem: string };

// A compressed slice this small inflates to at most ~1 MB (deflate's ratio is bounded near 1,032:1).
const slice = 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

class Refusal extends Error {}

/** The archive's entries from its central directory, without inflating anything. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = uploadZipLimits): ZipListing {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (entries.length >= limits.maxEntries)
          throw new Refusal(`the archive holds more than ${limits.maxEntries} entries`);
        if (file.compression !== 0 && file.compression !== 8)
          throw new Refusal(
            `entry ${file.name} uses compression method ${file.compression}; only deflate is read`,
          );
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.message };
    return { ok: false, problem: `not a readable zip archive (${(error as Error).message})` };
  }
  const declared = entries.reduce((total, entry) => total + entry.originalSize, 0);
  if (declared > limits.maxInflatedBytes)
    return {
      ok: false,
      problem: `the archive would inflate to ${megabytes(declared)}, over the ${megabytes(limits.maxInflatedBytes)} limit`,
    };
  return { ok: true, entries };
}

/** Inflates the listed entries `wanted` picks, all of them within the cap together. */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = uploadZipLimits,
): ZipRead {
  const listing = listZip(bytes, limits);
  if (!listing.ok) return listing;
  const names = new Set(listing.entries.map((entry) => entry.name).filter(wanted));
  const files = new Map<string, Uint8Array>();
  let inflated = 0;
  const unzip = new Unzip((file) => {
    if (!names.has(file.name) || files.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) throw new Refusal(`entry ${file.name} cannot be inflated (${error.message})`);
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes)
        throw new Refusal(`the archive inflates to more than ${megabytes(limits.maxInflatedBytes)}`);
      chunks.push(chunk);
      if (final) files.set(file.name, concatenate(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length; offset += slice)
      unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.message };
    return { ok: false, problem: `not a readable zip archive (${(error as Error).message})` };
  }
  const missing = [...names].filter((name) => !files.has(name));
  if (missing.length > 0) return { ok: false, problem: `entries ${missing.join(', ')} could not be read` };
  return { ok: true, files };
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

// Before SheetJS unpacks an xlsx, read what its zip directory claims: how many entries, how
// big each unpacks, how tightly each is packed. A zip bomb (a few KB claiming gigabytes, or packing
// 1000×) is refused here, before any byte is inflated. Reading the directory is plain byte work on
// fixed offsets of the zip format (APPNOTE 4.3.12, 4.3.16); nothing is decompressed.
import type { ImportLimits } from './limits';

export type ZipVerdict =
  | { readonly ok: true; readonly entries: number; readonly unpackedBytes: number }
  | { readonly ok: false; readonly reason: 'damaged' | 'unpackedTooLarge' | 'zipBomb'; readonly unpackedBytes?: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** Sizes of 0xFFFFFFFF mean "see the ZIP64 extra field": only files over 4 GB need that. */
const ZIP64_MARK = 0xffffffff;
/** Small entries may pack tightly (a sheet of empty cells); the ratio matters for big ones. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 65_535);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  return -1;
}

export function inspectZip(bytes: Uint8Array, limits: Pick<ImportLimits, 'unpackedBytes' | 'packRatio' | 'zipEntries'>): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) return { ok: false, reason: 'damaged' };
  const end = findEndOfDirectory(view);
  if (end < 0) return { ok: false, reason: 'damaged' };
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries > limits.zipEntries) return { ok: false, reason: 'zipBomb' };
  let at = directoryOffset;
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return { ok: false, reason: 'damaged' };
    const packedSize = view.getUint32(at + 20, true);
    const unpackedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (packedSize === ZIP64_MARK || unpackedSize === ZIP64_MARK) return { ok: false, reason: 'unpackedTooLarge', unpackedBytes: Number.POSITIVE_INFINITY };
    unpacked += unpackedSize;
    if (unpacked > limits.unpackedBytes) return { ok: false, reason: 'unpackedTooLarge', unpackedBytes: unpacked };
    if (unpackedSize > RATIO_FLOOR_BYTES && unpackedSize > limits.packRatio * Math.max(packedSize, 1)) return { ok: false, reason: 'zipBomb', unpackedBytes: unpackedSize };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, unpackedBytes: unpacked };
}

// The workspace backup as a file: JSON (format `kaohe-workspace`, version 1), gzip-compressed
// when the browser has CompressionStream (`.json.gz`), plain `.json` otherwise. Reading accepts
// both, detects gzip by its first bytes, and stops unpacking past a size limit (a gzip bomb).
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { fileProblem, type IoProblem } from './problems';

export type DecodedBackup = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: IoProblem };

export function canCompress(): boolean {
  return typeof CompressionStream === 'function';
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export async function encodeBackup(backup: unknown, gzip = canCompress()): Promise<{ readonly bytes: Uint8Array; readonly extension: '.json' | '.json.gz' }> {
  const json = new TextEncoder().encode(JSON.stringify(backup));
  if (!gzip) return { bytes: json, extension: '.json' };
  const packed = await collect(streamOf(json).pipeThrough(new CompressionStream('gzip')), Number.POSITIVE_INFINITY);
  return { bytes: packed!, extension: '.json.gz' };
}

export async function decodeBackup(file: string, bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<DecodedBackup> {
  if (bytes.byteLength > limits.backupBytes) return { ok: false, problem: fileProblem('fileTooLarge', file, { limit: limits.backupBytes, size: bytes.byteLength }) };
  let text: Uint8Array | undefined = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    if (typeof DecompressionStream !== 'function') return { ok: false, problem: fileProblem('unsupportedType', file) };
    try {
      text = await collect(streamOf(new Uint8Array(bytes)).pipeThrough(new DecompressionStream('gzip')), limits.backupUnpackedBytes);
    } catch {
      return { ok: false, problem: fileProblem('damaged', file) };
    }
    if (!text) return { ok: false, problem: fileProblem('unpackedTooLarge', file, { limit: limits.backupUnpackedBytes, size: limits.backupUnpackedBytes }) };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text)) as unknown };
  } catch {
    return { ok: false, problem: fileProblem('damaged', file) };
  }
}

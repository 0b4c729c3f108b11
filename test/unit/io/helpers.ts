// Shared fixtures for the io tests: the example template and people, GB18030 encoding (the
// platform only decodes it, so the test builds an encoder from the decoder), files as bytes.
import { crc32, deflateRawSync } from 'node:zlib';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import type { ImportContext, ImportPerson } from '../../../src/io/validate';

export const template = customerMonthly;

export const people: ImportPerson[] = [
  { id: 'p1', name: '王芳', employeeNo: 'KF001' },
  { id: 'p2', name: '李娜', employeeNo: 'KF002' },
  { id: 'p3', name: '张伟', employeeNo: 'KF003' },
];

export function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return { template, periodKey: '2026-11', periodKind: 'month', people, ...overrides };
}

let gbTable: Map<string, number[]> | undefined;

/** Encode text as GB18030 (2-byte GBK range is enough for Chinese test text). */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbTable.get(char);
      if (!pair) throw new Error(`no GB18030 2-byte code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * A zip of the given entries, deflated by zlib at its best level (as zip-bomb makers do), with
 * honest sizes in the directory. Only what the zip format requires: local headers, data, directory.
 */
export function zipOf(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateRawSync(content, { level: 9 });
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc32(content), true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, content.length, true);
    local.setUint16(26, nameBytes.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, crc32(content), true);
    central.setUint32(20, packed.length, true);
    central.setUint32(24, content.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, packed);
    directory.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(entries).length, true);
  end.setUint16(10, Object.keys(entries).length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...directory, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

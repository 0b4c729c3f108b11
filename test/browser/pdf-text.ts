// Just enough of PDF to read back what Chromium's page.pdf() printed: the pages in order and the
// text drawn on each, as a reader copies it: through each font's ToUnicode map, or, where Chromium
// wrapped glyphs in a `/Span <</ActualText <FEFF…>>> BDC … EMC` (it does for Noto Sans CJK glyphs
// whose ToUnicode names a Kangxi radical, 户 drawn with the glyph of ⼾), the ActualText instead.
// Chromium (Skia) writes plain objects, Flate streams, direct /Length values and one Tj per glyph
// run; anything else fails loudly.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) throw new Error(`object ${match[1]} has no endobj`);
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
    } else {
      const dict = body.slice(0, streamAt);
      const length = /\/Length (\d+)/.exec(dict);
      if (!length) throw new Error(`object ${match[1]}: stream without a direct /Length`);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
      objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    }
    header.lastIndex = end;
  }
  return objects;
}

/** ToUnicode CMap → code (hex) → text; `bytes` is the code length from the codespace range. */
function readCmap(cmap: string): { bytes: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  const hexToText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 1;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(pair[1]!.toUpperCase(), hexToText(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const from = parseInt(range[1]!, 16);
      const to = parseInt(range[2]!, 16);
      const first = parseInt(range[3]!, 16);
      for (let code = from; code <= to; code++) {
        map.set(code.toString(16).toUpperCase().padStart(range[1]!.length, '0'), String.fromCodePoint(first + code - from));
      }
    }
  }
  return { bytes, map };
}

/** A PDF text string in UTF-16BE hex (`FEFF6237` → 户), without its byte-order mark. */
function utf16(hex: string): string {
  const units = (hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16));
  return String.fromCharCode(...(units[0] === 0xfeff ? units.slice(1) : units));
}

function refs(text: string): number[] {
  return [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
}

/** The text of each page, in page order; text objects (BT … ET) are separated by a space. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const get = (id: number) => {
    const object = objects.get(id);
    if (!object) throw new Error(`object ${id} is missing`);
    return object;
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  if (!catalog) throw new Error('no catalog');
  const pages: number[] = [];
  const walk = (id: number) => {
    const node = get(id).dict;
    if (/\/Type\s*\/Pages/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      for (const kid of refs(kids?.[1] ?? '')) walk(kid);
    } else pages.push(id);
  };
  walk(Number(/\/Pages (\d+) 0 R/.exec(catalog.dict)![1]));

  const cmaps = new Map<number, ReturnType<typeof readCmap>>();
  return pages.map((pageId) => {
    const page = get(pageId).dict;
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    const content = refs(contents).map((id) => get(id).stream!.toString('latin1')).join('\n');
    let font: ReturnType<typeof readCmap> | undefined;
    const parts: string[] = [];
    /** Inside an ActualText span: its text was taken, the glyphs drawn in it are not read. */
    let actual = false;
    for (const token of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\/ActualText\s*<([0-9A-Fa-f]*)>|<([0-9A-Fa-f]*)>|\bET\b|\bEMC\b/g)) {
      if (token[2] !== undefined) {
        parts.push(utf16(token[2]));
        actual = true;
      } else if (token[0] === 'EMC') {
        actual = false;
      } else if (token[1] !== undefined) {
        const fontId = fonts.get(token[1]);
        if (fontId === undefined) throw new Error(`page ${pageId}: font ${token[1]} is not in its resources`);
        if (!cmaps.has(fontId)) {
          const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(get(fontId).dict);
          cmaps.set(fontId, toUnicode ? readCmap(get(Number(toUnicode[1])).stream!.toString('latin1')) : { bytes: 1, map: new Map() });
        }
        font = cmaps.get(fontId);
      } else if (token[3] !== undefined && font && !actual) {
        const size = font.bytes * 2;
        for (let i = 0; i < token[3].length; i += size) parts.push(font.map.get(token[3].slice(i, i + size).toUpperCase()) ?? '\uFFFD');
      } else if (token[0] === 'ET') parts.push(' ');
    }
    return parts.join('').replace(/\s+/g, ' ').trim();
  });
}

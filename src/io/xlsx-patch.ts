// What the community build of SheetJS does not write, added to the file it wrote: frozen panes
// (a header that stays in view), unlocked input cells on a protected sheet (rater forms), and
// "recalculate on open" (Excel and WPS then compute every formula themselves). The zip is opened
// and written again with SheetJS's own CFB container; only three small XML parts are touched,
// each at a place SheetJS writes in a fixed form (checked by the tests).
import { CFB } from '@e965/xlsx';

export interface FrozenPane {
  /** 1-based sheet number in workbook order (xl/worksheets/sheetN.xml). */
  readonly sheet: number;
  readonly rows: number;
  readonly columns: number;
}

export interface XlsxPatch {
  readonly freeze?: readonly FrozenPane[];
  /** Cells whose number format starts with this (e.g. `[Blue]`) are left unlocked. */
  readonly unlockFormatPrefix?: string;
  readonly fullCalcOnLoad?: boolean;
}

/** The part of SheetJS's CFB API used here (its typings declare CFB as `any`). */
interface ZipEntry {
  content: Uint8Array | number[];
  size: number;
}
interface ZipApi {
  read(data: Uint8Array, options: { type: 'array' }): object;
  find(container: object, path: string): ZipEntry | null;
  write(container: object, options: { fileType: 'zip'; type: 'array'; compression: boolean }): Uint8Array | number[];
}
const zip: ZipApi = CFB;

const latin1 = new TextDecoder('latin1');

function entry(container: object, path: string): ZipEntry {
  // CFB finds paths from the container root, written with a leading slash.
  const found = zip.find(container, `/${path}`);
  if (!found || !found.content) throw new Error(`xlsx part ${path} missing`);
  return found;
}

function bytesOf(content: ZipEntry['content']): Uint8Array {
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function textOf(target: ZipEntry): string {
  return new TextDecoder().decode(bytesOf(target.content));
}

function setText(target: ZipEntry, text: string): void {
  const bytes = new TextEncoder().encode(text);
  target.content = bytes;
  target.size = bytes.length;
}

/** Excel's name of a 0-based column (duplicated from table.ts to keep this file standalone). */
function letter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The sheet view sits before the cell data, within the first bytes of a sheet part that may be
 * 100 MB: only that head is decoded (one byte per character) and the rest is copied as is.
 */
function freezePane(target: ZipEntry, pane: FrozenPane): void {
  const bytes = bytesOf(target.content);
  const head = latin1.decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const match = /<sheetView\b[^>]*?\/>/.exec(head);
  if (!match) throw new Error(`sheet ${pane.sheet}: no sheet view to freeze`);
  const active = pane.columns > 0 && pane.rows > 0 ? 'bottomRight' : pane.rows > 0 ? 'bottomLeft' : 'topRight';
  const attributes = [
    pane.columns > 0 ? `xSplit="${pane.columns}"` : '',
    pane.rows > 0 ? `ySplit="${pane.rows}"` : '',
    `topLeftCell="${letter(pane.columns)}${pane.rows + 1}"`,
    `activePane="${active}"`,
    'state="frozen"',
  ].filter(Boolean);
  const view = `${match[0].slice(0, -2)}><pane ${attributes.join(' ')}/><selection pane="${active}"/></sheetView>`;
  const replacement = new TextEncoder().encode(view);
  const out = new Uint8Array(bytes.length - match[0].length + replacement.length);
  out.set(bytes.subarray(0, match.index), 0);
  out.set(replacement, match.index);
  out.set(bytes.subarray(match.index + match[0].length), match.index + replacement.length);
  target.content = out;
  target.size = out.length;
}

/** Give every cell format whose number format starts with `prefix` the protection "not locked". */
function unlockFormats(target: ZipEntry, prefix: string): void {
  const text = textOf(target);
  const ids = new Set<string>();
  for (const match of text.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) {
    if (match[2]!.startsWith(prefix)) ids.add(match[1]!);
  }
  if (ids.size === 0) throw new Error('no unlocked cell format in styles.xml');
  const patched = text.replace(/<xf numFmtId="(\d+)"([^>]*?)\/>/g, (whole, id: string, rest: string) =>
    ids.has(id) && rest.includes('applyNumberFormat') ? `<xf numFmtId="${id}"${rest} applyProtection="1"><protection locked="0"/></xf>` : whole,
  );
  setText(target, patched);
}

function recalculateOnOpen(target: ZipEntry): void {
  const text = textOf(target);
  if (!text.includes('</workbook>')) throw new Error('workbook.xml has no end');
  // calcPr comes after definedNames, the last part SheetJS writes.
  setText(target, text.replace('</workbook>', '<calcPr calcId="0" fullCalcOnLoad="1"/></workbook>'));
}

export function patchXlsx(bytes: Uint8Array, patch: XlsxPatch): Uint8Array {
  const container = zip.read(bytes, { type: 'array' });
  for (const pane of patch.freeze ?? []) freezePane(entry(container, `xl/worksheets/sheet${pane.sheet}.xml`), pane);
  if (patch.unlockFormatPrefix) unlockFormats(entry(container, 'xl/styles.xml'), patch.unlockFormatPrefix);
  if (patch.fullCalcOnLoad) recalculateOnOpen(entry(container, 'xl/workbook.xml'));
  const out = zip.write(container, { fileType: 'zip', type: 'array', compression: true });
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

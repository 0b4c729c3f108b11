// Clipboard text as Excel and WPS write it: rows end in CRLF (or LF), cells are separated by
// tabs, and a cell holding a tab, line break or quote is quoted with "" for a quote inside.
// Clipboard text is not a file, so it is read here rather than through src/io.
import type { ViewRange } from './types';

/** Tab-separated text → rows of cells. A trailing line break does not make an extra row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const char = text[i]!;
    if (atCellStart && char === '"') {
      // A quoted cell: up to the closing quote; "" is a quote.
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        quoted += text[j];
        j += 1;
      }
      const next = text[j];
      if (closed && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell (e.g. `"5" 级`): keep the text as it is.
    }
    atCellStart = false;
    if (char === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\n' || char === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += char;
    }
    i += 1;
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cells → tab-separated text with CRLF line ends, as Excel puts on the clipboard. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}

/**
 * Where a pasted block of `height` × `width` goes, from the selection: one value fills the whole
 * selection; a block fills a selection that is a whole multiple of it (repeated, as Excel does);
 * otherwise the block lands once from the selection's top-left corner.
 */
export function pasteArea(selection: ViewRange, height: number, width: number): { area: ViewRange; repeat: boolean } {
  const rows = selection.bottom - selection.top + 1;
  const cols = selection.right - selection.left + 1;
  if (height > 0 && width > 0 && rows % height === 0 && cols % width === 0) return { area: selection, repeat: true };
  return { area: { top: selection.top, left: selection.left, bottom: selection.top + height - 1, right: selection.left + width - 1 }, repeat: false };
}

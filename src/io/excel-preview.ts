// The top of a sheet as the wizard shows it beside the mapping: shown texts, formulas, and merged
// header cells once with their spans (clipped to the preview), so a person sees what is what.
import type { WorkSheet } from '@e965/xlsx';
import { cellAt, cellFormula, cellText, extentOf, mergesOf } from './excel-template/cells';
import type { PreviewCell, SheetPreview } from './excel-protocol';

/** Columns shown at most: wider sheets say so. */
export const PREVIEW_COLS = 40;

export function sheetPreview(sheet: WorkSheet, name: string, wantedRows: number): SheetPreview {
  const extent = extentOf(sheet);
  const rowCount = Math.min(extent.rows, Math.max(1, wantedRows));
  const colCount = Math.min(extent.cols, PREVIEW_COLS);
  const rows: (PreviewCell | null)[][] = Array.from({ length: rowCount }, (_, row) =>
    Array.from({ length: colCount }, (_, col): PreviewCell => {
      const cell = cellAt(sheet, row, col);
      const formula = cellFormula(cell);
      return formula === undefined ? { text: cellText(cell) } : { text: cellText(cell), formula: `=${formula}` };
    }),
  );
  for (const merge of mergesOf(sheet)) {
    const top = merge.s.r;
    const left = merge.s.c;
    if (top >= rowCount || left >= colCount) continue;
    const bottom = Math.min(merge.e.r, rowCount - 1);
    const right = Math.min(merge.e.c, colCount - 1);
    const origin = rows[top]?.[left];
    if (!origin) continue;
    for (let row = top; row <= bottom; row++) {
      const line = rows[row];
      for (let col = left; line && col <= right; col++) line[col] = null;
    }
    const spans = { ...(bottom > top ? { rowSpan: bottom - top + 1 } : {}), ...(right > left ? { colSpan: right - left + 1 } : {}) };
    rows[top]?.splice(left, 1, { ...origin, ...spans });
  }
  return { sheet: name, rows, cols: colCount, moreRows: extent.rows > rowCount, moreCols: extent.cols > colCount };
}

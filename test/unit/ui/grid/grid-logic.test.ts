import { describe, expect, it } from 'vitest';
import { parseTsv, pasteArea, toTsv } from '../../../../src/ui/grid/clipboard';
import { columnAt, columnOffsets, slotsFor, visibleRows } from '../../../../src/ui/grid/layout';
import { fillSourceCell, fillTarget, jump, rangeOf, step } from '../../../../src/ui/grid/navigation';
import { filterTest, viewOrder } from '../../../../src/ui/grid/view-order';
import type { GridData } from '../../../../src/ui/grid/types';

describe('clipboard text as Excel and WPS write it', () => {
  it('reads a block with CRLF, Chinese, empty cells and a quoted cell holding a line break', () => {
    const text = '王芳\t95%\t\r\n李娜\t"多行\r\n评语"\t是\r\n';
    expect(parseTsv(text)).toEqual([
      ['王芳', '95%', ''],
      ['李娜', '多行\r\n评语', '是'],
    ]);
  });

  it('keeps a stray quote that does not open a quoted cell', () => {
    expect(parseTsv('"5" 级\t4')).toEqual([['"5" 级', '4']]);
  });

  it('writes what it reads', () => {
    const rows = [['a\tb', '"引号"'], ['', '评语\n两行']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    expect(toTsv([['是', '否']])).toBe('是\t否\r\n');
  });
});

describe('where a paste goes', () => {
  const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

  it('repeats a block over a selection that is a multiple of it, as Excel does', () => {
    expect(pasteArea(range(2, 1, 7, 4), 2, 2)).toEqual({ area: range(2, 1, 7, 4), repeat: true });
    expect(pasteArea(range(0, 0, 5, 0), 1, 1)).toEqual({ area: range(0, 0, 5, 0), repeat: true });
  });

  it('lands the block once from the corner when the selection is not a multiple (or smaller)', () => {
    expect(pasteArea(range(2, 1, 6, 4), 2, 2)).toEqual({ area: range(2, 1, 3, 2), repeat: false });
    expect(pasteArea(range(3, 3, 3, 3), 5, 4)).toEqual({ area: range(3, 3, 7, 6), repeat: false });
  });
});

describe('the fill handle', () => {
  const source = { top: 2, left: 3, bottom: 3, right: 3 };

  it('grows the selection the way the pointer went furthest', () => {
    expect(fillTarget(source, { row: 7, col: 4 })).toEqual({ ...source, bottom: 7 });
    expect(fillTarget(source, { row: 0, col: 3 })).toEqual({ ...source, top: 0 });
    expect(fillTarget(source, { row: 3, col: 9 })).toEqual({ ...source, right: 9 });
    expect(fillTarget(source, { row: 2, col: 3 })).toEqual(source);
  });

  it('repeats the source block into the new cells, in any direction', () => {
    expect([4, 5, 6, 7].map((row) => fillSourceCell(source, row, 3).row)).toEqual([2, 3, 2, 3]);
    expect([1, 0].map((row) => fillSourceCell(source, row, 3).row)).toEqual([3, 2]);
    expect(fillSourceCell(source, 2, 8)).toEqual({ row: 2, col: 3 });
  });
});

describe('virtualized layout', () => {
  it('finds columns by x and rows by scroll position', () => {
    const offsets = columnOffsets([80, 100, 60]);
    expect(offsets).toEqual([0, 80, 180, 240]);
    expect(columnAt(offsets, 0)).toBe(0);
    expect(columnAt(offsets, 179)).toBe(1);
    expect(columnAt(offsets, 999)).toBe(2);
    expect(visibleRows(10_000, 28, 28 * 5000, 560, 2)).toEqual({ first: 4998, last: 5022 });
  });

  it('recycles slots: scrolling one row changes one slot', () => {
    const before = slotsFor({ first: 10, last: 19 }, 12);
    const after = slotsFor({ first: 11, last: 20 }, 12);
    const changed = before.map((row, slot) => (row === after[slot] ? null : slot)).filter((slot) => slot !== null);
    expect(changed).toHaveLength(2); // row 10 left, row 20 arrived
    expect(after).toContain(20);
    expect(after).not.toContain(10);
  });
});

describe('Excel navigation', () => {
  const filled = new Set(['0:0', '1:0', '2:0', '5:0', '6:0']);
  const isBlank = (row: number, col: number) => !filled.has(`${row}:${col}`);

  it('Ctrl+arrow goes to the end of a filled run, then to the next filled cell, then to the edge', () => {
    expect(jump({ row: 0, col: 0 }, 'down', 10, 1, isBlank)).toEqual({ row: 2, col: 0 });
    expect(jump({ row: 2, col: 0 }, 'down', 10, 1, isBlank)).toEqual({ row: 5, col: 0 });
    expect(jump({ row: 6, col: 0 }, 'down', 10, 1, isBlank)).toEqual({ row: 9, col: 0 });
    expect(jump({ row: 9, col: 0 }, 'up', 10, 1, isBlank)).toEqual({ row: 6, col: 0 });
  });

  it('steps stay inside the sheet, and a selection is the rectangle of its corners', () => {
    expect(step({ row: 0, col: 0 }, 'up', 5, 5)).toEqual({ row: 0, col: 0 });
    expect(step({ row: 3, col: 4 }, 'right', 5, 5)).toEqual({ row: 3, col: 4 });
    expect(rangeOf({ row: 4, col: 1 }, { row: 2, col: 3 })).toEqual({ top: 2, bottom: 4, left: 1, right: 3 });
  });
});

describe('sort and filter by any column', () => {
  const rows = [
    ['王芳', '91.2', '优秀'],
    ['李娜', '', ''],
    ['张伟', '70.67', '良好'],
    ['刘洋', '45.33', '不合格'],
  ];
  const data: GridData = {
    rowCount: rows.length,
    text: (row, col) => rows[row]![col]!,
    sortValue: (row, col) => {
      const text = rows[row]![col]!;
      if (text === '') return null;
      return Number.isFinite(Number(text)) ? Number(text) : text;
    },
  };

  it('sorts numbers as numbers with blanks last in both directions, ties in data order', () => {
    expect(viewOrder(data, { col: 1, direction: 'desc' }, [])).toEqual([0, 2, 3, 1]);
    expect(viewOrder(data, { col: 1, direction: 'asc' }, [])).toEqual([3, 2, 0, 1]);
    expect(viewOrder(data, null, [])).toBeNull();
  });

  it('filters by text, by comparison and by exact value', () => {
    expect(viewOrder(data, null, [{ col: 1, text: '>=60' }])).toEqual([0, 2]);
    expect(viewOrder(data, null, [{ col: 2, text: '=良好' }])).toEqual([2]);
    expect(viewOrder(data, null, [{ col: 0, text: '芳' }])).toEqual([0]);
    // A blank is not below 80, but it is not 不合格 either.
    expect(viewOrder(data, null, [{ col: 2, text: '<>不合格' }, { col: 1, text: '<80' }])).toEqual([2]);
    expect(viewOrder(data, null, [{ col: 2, text: '<>不合格' }])).toEqual([0, 1, 2]);
    expect(filterTest('')).toBeNull();
    expect(filterTest('>90%')!('95%', null)).toBe(true);
  });
});

// The grid's state without a browser: what keys, pastes, fills and the column menu turn into (the
// changes the owner receives, where the active cell goes), on a small sheet of names, two input
// columns and a computed one.
import { describe, expect, it } from 'vitest';
import { GridState, type GridKey, type GridOptions } from '../../../../src/ui/grid/grid-state.svelte';
import type { CellRef, GridChange, GridColumn, GridData } from '../../../../src/ui/grid/types';

const columns: GridColumn[] = [
  { id: 'name', title: '姓名', width: 80, editable: false, kind: 'label' },
  { id: 'a', title: '完成率\n自评', width: 80, editable: true, kind: 'input' },
  { id: 'b', title: '出勤', width: 80, editable: true, kind: 'input' },
  { id: 'total', title: '总分', width: 80, editable: false, kind: 'computed' },
];

function sheet(rows: string[][]): { grid: GridState; changes: GridChange[]; refused: CellRef[]; undos: string[] } {
  const changes: GridChange[] = [];
  const refused: CellRef[] = [];
  const undos: string[] = [];
  const data: GridData = {
    get rowCount() {
      return rows.length;
    },
    text: (row, col) => rows[row]?.[col] ?? '',
  };
  const options: GridOptions = {
    columns,
    data,
    redraws: 0,
    frozen: 1,
    label: '评分表',
    onchange: (change) => changes.push(change),
    onrefuse: (cell) => refused.push(cell),
    onundo: () => undos.push('undo'),
    onredo: () => undos.push('redo'),
  };
  return { grid: new GridState(() => options), changes, refused, undos };
}

function key(name: string, modifiers: Partial<Pick<GridKey, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>> = {}): GridKey & { prevented: boolean } {
  const event = { key: name, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, prevented: false, preventDefault: () => (event.prevented = true), ...modifiers };
  return event;
}

const people = [
  ['王芳', '90', '5', '95'],
  ['李娜', '80', '', '80'],
  ['张伟', '', '4', '4'],
];

describe('moving with the keyboard', () => {
  it('Tab skips the name and total columns and wraps to the next row, as on a protected sheet', () => {
    const { grid } = sheet(people);
    grid.moveTo({ row: 0, col: 1 });
    grid.keydown(key('Tab'));
    expect(grid.active).toEqual({ row: 0, col: 2 });
    grid.keydown(key('Tab'));
    expect(grid.active).toEqual({ row: 1, col: 1 });
    grid.keydown(key('Tab', { shiftKey: true }));
    expect(grid.active).toEqual({ row: 0, col: 2 });
  });

  it('Esc then Tab leaves the grid: the Tab is not taken', () => {
    const { grid } = sheet(people);
    grid.moveTo({ row: 1, col: 1 });
    grid.keydown(key('Escape'));
    const tab = key('Tab');
    grid.keydown(tab);
    expect(tab.prevented).toBe(false);
    expect(grid.active).toEqual({ row: 1, col: 1 });
    // Shift on its way to Shift+Tab does not forget the Esc.
    grid.keydown(key('Escape'));
    grid.keydown(key('Shift', { shiftKey: true }));
    const back = key('Tab', { shiftKey: true });
    grid.keydown(back);
    expect(back.prevented).toBe(false);
  });

  it('Shift+Space selects the rows, Ctrl+Space the columns, Ctrl+A everything', () => {
    const { grid } = sheet(people);
    grid.moveTo({ row: 1, col: 2 });
    grid.keydown(key(' ', { shiftKey: true }));
    expect(grid.selection).toEqual({ top: 1, bottom: 1, left: 0, right: 3 });
    expect(grid.active).toEqual({ row: 1, col: 2 });
    grid.keydown(key(' ', { ctrlKey: true }));
    expect(grid.selection).toEqual({ top: 0, bottom: 2, left: 0, right: 3 });
    grid.moveTo({ row: 0, col: 0 });
    grid.keydown(key('a', { ctrlKey: true }));
    expect(grid.selection).toEqual({ top: 0, bottom: 2, left: 0, right: 3 });
    expect(grid.selectedRows()).toEqual([0, 1, 2]);
  });

  it('Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) go to the owner', () => {
    const { grid, undos } = sheet(people);
    grid.keydown(key('z', { ctrlKey: true }));
    grid.keydown(key('y', { ctrlKey: true }));
    grid.keydown(key('Z', { ctrlKey: true, shiftKey: true }));
    expect(undos).toEqual(['undo', 'redo', 'redo']);
  });
});

describe('typing', () => {
  it('the first character starts an edit; Enter stores it and moves down', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 0, col: 1 });
    grid.typed('8');
    expect(grid.editing).toBe(true);
    grid.draft = '85';
    grid.keydown(key('Enter'));
    expect(changes).toEqual([{ kind: 'edit', cells: [{ row: 0, col: 1, text: '85' }], skipped: 0 }]);
    expect(grid.editing).toBe(false);
    expect(grid.active).toEqual({ row: 1, col: 1 });
  });

  it('typing into a computed cell is refused and nothing changes', () => {
    const { grid, changes, refused } = sheet(people);
    grid.moveTo({ row: 2, col: 3 });
    grid.typed('9');
    expect(grid.editing).toBe(false);
    expect(refused).toEqual([{ row: 2, col: 3 }]);
    expect(changes).toEqual([]);
  });

  it('Ctrl+Enter writes the typed text into every editable cell of the selection', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 0, col: 1 });
    grid.extent = { row: 1, col: 3 };
    grid.typed('3');
    grid.keydown(key('Enter', { ctrlKey: true }));
    expect(changes).toEqual([
      {
        kind: 'edit',
        cells: [
          { row: 0, col: 1, text: '3' },
          { row: 0, col: 2, text: '3' },
          { row: 1, col: 1, text: '3' },
          { row: 1, col: 2, text: '3' },
        ],
        skipped: 2,
      },
    ]);
  });

  it('Esc while editing drops the text', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 0, col: 1 });
    grid.typed('1');
    grid.keydown(key('Escape'));
    expect(grid.editing).toBe(false);
    expect(changes).toEqual([]);
  });
});

describe('paste, clear and fill', () => {
  it('paste of a 2×2 block copied from Excel fills from the active cell and counts the read-only cells it met', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 1, col: 2 });
    grid.pasteText('7\t8\r\n9\t10\r\n');
    expect(changes).toEqual([
      {
        kind: 'paste',
        cells: [
          { row: 1, col: 2, text: '7' },
          { row: 2, col: 2, text: '9' },
        ],
        skipped: 2,
      },
    ]);
    expect(grid.selection).toEqual({ top: 1, bottom: 2, left: 2, right: 3 });
  });

  it('one copied value repeats over the selection', () => {
    const { grid, changes } = sheet(people);
    grid.anchor = { row: 0, col: 1 };
    grid.extent = { row: 2, col: 1 };
    grid.pasteText('60');
    expect(changes[0]?.cells.map((cell) => cell.text)).toEqual(['60', '60', '60']);
  });

  it('Ctrl+D copies the top row of the selection down; on one row it copies the row above', () => {
    const { grid, changes } = sheet(people);
    grid.anchor = { row: 0, col: 1 };
    grid.extent = { row: 2, col: 2 };
    grid.keydown(key('d', { ctrlKey: true }));
    grid.moveTo({ row: 2, col: 1 });
    grid.keydown(key('d', { ctrlKey: true }));
    expect(changes).toEqual([
      {
        kind: 'fill',
        cells: [
          { row: 1, col: 1, text: '90' },
          { row: 1, col: 2, text: '5' },
          { row: 2, col: 1, text: '90' },
          { row: 2, col: 2, text: '5' },
        ],
        skipped: 0,
      },
      { kind: 'fill', cells: [{ row: 2, col: 1, text: '80' }], skipped: 0 },
    ]);
  });

  it('Delete clears the selection', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 0, col: 1 });
    grid.moveTo({ row: 0, col: 2 }, true);
    grid.keydown(key('Delete'));
    expect(changes).toEqual([{ kind: 'clear', cells: [{ row: 0, col: 1, text: '' }, { row: 0, col: 2, text: '' }], skipped: 0 }]);
  });

  it('the fill handle dragged down two rows copies the selection into them', () => {
    const { grid, changes } = sheet(people);
    grid.moveTo({ row: 0, col: 2 });
    grid.startFill();
    grid.dragFill({ row: 2, col: 2 });
    expect(grid.filling).toEqual({ top: 0, bottom: 2, left: 2, right: 2 });
    grid.endFill();
    expect(grid.filling).toBeNull();
    expect(changes).toEqual([{ kind: 'fill', cells: [{ row: 1, col: 2, text: '5' }, { row: 2, col: 2, text: '5' }], skipped: 0 }]);
    expect(grid.selection).toEqual({ top: 0, bottom: 2, left: 2, right: 2 });
  });

  it('copy writes the selection as tab-separated rows', () => {
    const { grid } = sheet(people);
    grid.anchor = { row: 0, col: 0 };
    grid.extent = { row: 1, col: 1 };
    expect(grid.selectionTsv()).toBe('王芳\t90\r\n李娜\t80\r\n');
  });
});

describe('sort and filter', () => {
  it('the column menu sorts and filters in view rows, and changes still name data rows', () => {
    const { grid, changes } = sheet(people);
    grid.openColumnMenu(3);
    grid.setSort('desc');
    expect(grid.columnMenu).toBeNull();
    expect([0, 1, 2].map((r) => grid.cellText(r, 0))).toEqual(['王芳', '李娜', '张伟']);
    grid.openColumnMenu(3);
    grid.setSort('asc');
    expect([0, 1, 2].map((r) => grid.cellText(r, 0))).toEqual(['张伟', '李娜', '王芳']);
    grid.moveTo({ row: 0, col: 1 });
    grid.pasteText('70');
    expect(changes.at(-1)?.cells).toEqual([{ row: 2, col: 1, text: '70' }]);

    grid.openColumnMenu(1);
    grid.setFilter('>=85');
    expect(grid.rowCount).toBe(1);
    expect(grid.cellText(0, 0)).toBe('王芳');
    expect(grid.active).toEqual({ row: 0, col: 1 });
    grid.clearFilters();
    expect(grid.rowCount).toBe(3);
  });

  it('when people go, the filter is applied again and the active cell stays inside the sheet', () => {
    const rows = people.map((row) => [...row]);
    const { grid } = sheet(rows);
    grid.reorderWhenRowsChange();
    grid.openColumnMenu(1);
    grid.setFilter('>=80');
    grid.moveTo({ row: 1, col: 3 });
    expect(grid.rowCount).toBe(2);
    rows.splice(0, 1);
    grid.reorderWhenRowsChange();
    expect(grid.rowCount).toBe(1);
    expect(grid.cellText(0, 0)).toBe('李娜');
    grid.keepActiveInside();
    expect(grid.active).toEqual({ row: 0, col: 3 });
  });
});

// The grid's state and what the person does to it: the active cell and the selection, the cell
// editor, copy, cut and paste, fill (Ctrl+D and the handle), sort and filter, the two menus and
// the keyboard. Grid.svelte draws it and turns DOM events (which cell is under the pointer, sizes,
// scrolling) into calls here; the pure parts stay in layout.ts, navigation.ts, clipboard.ts and
// view-order.ts. Rows here are view rows unless a name says data row.
import { tick } from 'svelte';
import { t } from '../../i18n/locale.svelte';
import type { CellRef, CellText, GridChange, GridColumn, GridData, SortState, ViewRange } from './types';
import { columnAt, columnOffsets, slotsFor, visibleRows, type Span } from './layout';
import { fillSourceCell, fillTarget, inRange, jump, rangeOf, step, type Direction } from './navigation';
import { parseTsv, pasteArea, toTsv } from './clipboard';
import { viewOrder, type ColumnFilter } from './view-order';

/** What the owner tells the grid (Grid.svelte's props, less those only the markup reads). */
export interface GridOptions {
  readonly columns: readonly GridColumn[];
  readonly data: GridData;
  /** Bump to make the grid read its visible cells again (the owner's values changed). */
  readonly redraws: number;
  /** How many leading columns stay in place when scrolling sideways. */
  readonly frozen?: number;
  readonly label: string;
  readonly rowHeight?: number;
  /**
   * The column holding each row's note (评语): the cell menu's "note" item edits it. Cells have
   * no notes of their own in Kaohe; without such a column the item is left out.
   */
  readonly noteColumn?: number;
  readonly onchange: (change: GridChange) => void;
  /** A read-only cell was clicked, or F2/Space pressed on it. */
  readonly onexplain?: (cell: CellRef, anchor: DOMRect) => void;
  /** Someone tried to type into a read-only cell. */
  readonly onrefuse?: (cell: CellRef) => void;
  readonly onundo?: () => void;
  readonly onredo?: () => void;
  /** The active cell moved (data row, column). */
  readonly onactive?: (cell: CellRef) => void;
  /** The selected data rows changed (for actions on whole rows, such as archiving). */
  readonly onselectrows?: (rows: readonly number[]) => void;
}

/** The parts of a key event the grid reads (a KeyboardEvent has them all). */
export type GridKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing' | 'preventDefault'>;

/** The parts of a clipboard event the grid reads. */
export type GridClipboard = Pick<ClipboardEvent, 'clipboardData' | 'preventDefault'>;

export type CellMenuItem = 'copy' | 'paste' | 'clear' | 'fillDown' | 'note';

export const GROUP_HEIGHT = 24;
export const TITLE_HEIGHT = 40;
const OVERSCAN_ROWS = 4;
const OVERSCAN_COLS = 1;
const ARROWS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

export class GridState {
  // The elements focus moves between and the one that scrolls; Grid.svelte binds them.
  viewport: HTMLDivElement | undefined;
  editor: HTMLInputElement | undefined;
  cellMenuElement: HTMLDivElement | undefined;
  columnMenuElement: HTMLDivElement | undefined;
  columnMenuFilter: HTMLInputElement | undefined;

  scrollTop = $state(0);
  scrollLeft = $state(0);
  viewWidth = $state(800);
  viewHeight = $state(400);

  sort = $state.raw<SortState | null>(null);
  filters = $state.raw<ColumnFilter[]>([]);
  /** Data rows in view order when sorted or filtered; null: the data's own order. */
  order = $state.raw<number[] | null>(null);

  active = $state.raw<CellRef>({ row: 0, col: 0 });
  anchor = $state.raw<CellRef>({ row: 0, col: 0 });
  /**
   * The far corner of the selection when it is not the active cell: Shift+Space selects the row
   * and Ctrl+Space the column while the active cell stays where it is, as in Excel.
   */
  extent = $state.raw<CellRef | null>(null);
  /** The cell menu (right click, the menu key or Shift+F10), at a place in the canvas. */
  cellMenu = $state.raw<{ x: number; y: number } | null>(null);
  /** A line under the grid about what the last menu action could not do. */
  status = $state('');
  /** The fill handle is being dragged: the range it would fill. */
  filling = $state.raw<ViewRange | null>(null);
  editing = $state(false);
  /** 'enter': started by typing, arrows commit; 'edit': started with F2, arrows move the caret. */
  editMode = $state<'enter' | 'edit'>('enter');
  draft = $state('');
  /** The column whose sort and filter menu is open. */
  columnMenu = $state<number | null>(null);
  columnMenuText = $state('');

  /** The row count the sort and filter were last applied for. */
  #orderedFor = -1;
  /** Esc was pressed while navigating: the next Tab leaves the grid instead of moving in it. */
  #leaving = false;
  #composing = false;
  #dragging = false;
  /** The owner's current options (Grid.svelte hands over its props, read fresh each time). */
  readonly #options: () => GridOptions;

  constructor(options: () => GridOptions) {
    this.#options = options;
  }

  get columns(): readonly GridColumn[] {
    return this.#options().columns;
  }

  get data(): GridData {
    return this.#options().data;
  }

  get frozen(): number {
    return this.#options().frozen ?? 0;
  }

  get rowHeight(): number {
    return this.#options().rowHeight ?? 28;
  }

  get noteColumn(): number | undefined {
    return this.#options().noteColumn;
  }

  /** A pointer drag selecting cells is under way. */
  get dragging(): boolean {
    return this.#dragging;
  }

  // ---- layout --------------------------------------------------------------------------------

  readonly widths = $derived(this.columns.map((c) => c.width));
  readonly offsets = $derived(columnOffsets(this.widths));
  readonly totalWidth = $derived(this.offsets[this.columns.length] ?? 0);
  readonly frozenCount = $derived(Math.min(this.frozen, this.columns.length));
  readonly frozenWidth = $derived(this.offsets[this.frozenCount] ?? 0);
  readonly frozenCols = $derived(Array.from({ length: this.frozenCount }, (_, i) => i));
  readonly hasGroups = $derived(this.columns.some((c) => c.group));
  readonly headHeight = $derived((this.hasGroups ? GROUP_HEIGHT : 0) + TITLE_HEIGHT);

  readonly rowCount = $derived(this.order ? this.order.length : this.data.rowCount);
  readonly bodyHeight = $derived(this.rowCount * this.rowHeight);

  readonly selection = $derived(rangeOf(this.anchor, this.extent ?? this.active));

  readonly rowSpan: Span = $derived(visibleRows(this.rowCount, this.rowHeight, this.scrollTop, Math.max(0, this.viewHeight - this.headHeight), OVERSCAN_ROWS));
  readonly rowCapacity = $derived(Math.ceil(Math.max(0, this.viewHeight - this.headHeight) / this.rowHeight) + 2 * OVERSCAN_ROWS + 2);
  readonly rowSlots = $derived(slotsFor(this.rowSpan, this.rowCapacity));

  readonly colSpan: Span = $derived.by(() => {
    if (this.frozenCount >= this.columns.length) return { first: 0, last: -1 };
    const left = this.scrollLeft + this.frozenWidth;
    const right = this.scrollLeft + this.viewWidth;
    const first = Math.max(this.frozenCount, columnAt(this.offsets, left) - OVERSCAN_COLS);
    const last = Math.min(this.columns.length - 1, columnAt(this.offsets, right) + OVERSCAN_COLS);
    return { first, last };
  });
  readonly colCapacity = $derived.by(() => {
    const scrolled = this.columns.slice(this.frozenCount);
    const narrowest = scrolled.length ? Math.max(24, Math.min(...scrolled.map((c) => c.width))) : 1;
    return Math.min(scrolled.length, Math.ceil(this.viewWidth / narrowest) + 2 * OVERSCAN_COLS + 2);
  });
  readonly colSlots = $derived(slotsFor(this.colSpan, Math.max(1, this.colCapacity)));

  /** Group header spans: consecutive columns sharing a group label. */
  readonly groups = $derived.by(() => {
    const spans: { first: number; last: number; label: string }[] = [];
    this.columns.forEach((column, i) => {
      const last = spans[spans.length - 1];
      const groupLabel = column.group ?? '';
      // Frozen and scrolled columns never share a span: they scroll differently.
      if (last && last.label === groupLabel && last.last === i - 1 && !(i === this.frozenCount && i > 0)) last.last = i;
      else spans.push({ first: i, last: i, label: groupLabel });
    });
    return spans;
  });

  readonly handleTop = $derived(this.headHeight + (this.selection.bottom + 1) * this.rowHeight - 4);
  readonly handleLeft = $derived((this.selection.right < this.frozenCount ? this.scrollLeft : 0) + (this.offsets[this.selection.right + 1] ?? 0) - 4);
  readonly fillBox = $derived.by(() => {
    const filling = this.filling;
    if (!filling) return null;
    const left = (filling.left < this.frozenCount ? this.scrollLeft : 0) + (this.offsets[filling.left] ?? 0);
    const right = (filling.right < this.frozenCount ? this.scrollLeft : 0) + (this.offsets[filling.right + 1] ?? 0);
    return { top: this.headHeight + filling.top * this.rowHeight, left, width: right - left, height: (filling.bottom - filling.top + 1) * this.rowHeight };
  });

  readonly editorTop = $derived(this.headHeight + this.active.row * this.rowHeight);
  readonly editorLeft = $derived(this.active.col < this.frozenCount ? this.scrollLeft + (this.offsets[this.active.col] ?? 0) : (this.offsets[this.active.col] ?? 0));
  readonly editorWidth = $derived(this.widths[this.active.col] ?? 80);
  /** The message under the active cell stays inside the visible part of the sheet. */
  readonly problemLeft = $derived(Math.max(this.scrollLeft, Math.min(this.editorLeft, this.scrollLeft + this.viewWidth - 300)));
  readonly columnMenuLeft = $derived.by(() => {
    const col = this.columnMenu;
    if (col === null) return 0;
    return Math.max(0, Math.min((col < this.frozenCount ? 0 : -this.scrollLeft) + (this.offsets[col] ?? 0), this.viewWidth - 240));
  });

  // ---- what the editor says to screen readers -------------------------------------------------

  readonly activeLabel = $derived.by(() => {
    void this.#options().redraws;
    const column = this.columns[this.active.col];
    const row = this.dataRow(this.active.row);
    if (!column || row < 0) return this.#options().label;
    const rowName = this.data.rowLabel?.(row) ?? String(row + 1);
    const value = this.cellText(this.active.row, this.active.col) || t('grid.cell.empty');
    const base = t('grid.cell.label', { column: columnName(column), row: rowName, value });
    return this.isEditable(this.active.row, this.active.col) ? base : base + t('grid.cell.readOnly');
  });
  readonly editorLabel = $derived(
    this.editing
      ? t('grid.editor.label', { column: columnName(this.columns[this.active.col]), row: this.data.rowLabel?.(this.dataRow(this.active.row)) ?? '' })
      : this.activeLabel,
  );
  readonly activeProblem = $derived(this.problemOf(this.active.row, this.active.col));

  // ---- cells ---------------------------------------------------------------------------------

  /** The data row shown at a view row; -1 past the end. */
  dataRow(viewRow: number): number {
    if (this.order) return this.order[viewRow] ?? -1;
    return viewRow >= 0 && viewRow < this.data.rowCount ? viewRow : -1;
  }

  cellText(viewRow: number, col: number): string {
    void this.#options().redraws;
    const row = this.dataRow(viewRow);
    return row < 0 ? '' : this.data.text(row, col);
  }

  isEditable(viewRow: number, col: number): boolean {
    const column = this.columns[col];
    if (!column?.editable) return false;
    const row = this.dataRow(viewRow);
    if (row < 0) return false;
    return this.data.editable ? this.data.editable(row, col) : true;
  }

  problemOf(viewRow: number, col: number): string | null {
    void this.#options().redraws;
    const row = this.dataRow(viewRow);
    return row < 0 || !this.data.problem ? null : this.data.problem(row, col);
  }

  cellClass(viewRow: number, col: number): string {
    void this.#options().redraws;
    const column = this.columns[col]!;
    const row = this.dataRow(viewRow);
    let name = `cell ${column.kind}`;
    if (column.align === 'end') name += ' end';
    if (col === this.frozenCount - 1) name += ' frozen-edge';
    if (inRange(this.selection, viewRow, col)) name += ' selected';
    if (viewRow === this.active.row && col === this.active.col) name += ' active';
    if (row >= 0) {
      if (this.data.problem?.(row, col)) name += ' invalid';
      const tone = this.data.tone?.(row, col);
      if (tone) name += ` tone-${tone}`;
      if (column.editable && this.data.editable && !this.data.editable(row, col)) name += ' locked';
    }
    return name;
  }

  /** What F2 puts in the editor, and what a fill copies. */
  editTextAt(viewRow: number, col: number): string {
    const row = this.dataRow(viewRow);
    if (row < 0) return '';
    return this.data.editText ? this.data.editText(row, col) : this.data.text(row, col);
  }

  #isBlank(viewRow: number, col: number): boolean {
    return this.cellText(viewRow, col).trim() === '';
  }

  // ---- kept in step with the data (Grid.svelte runs these as effects) -------------------------

  /** Sort and filter are applied again when the number of rows changes (people added or removed). */
  reorderWhenRowsChange(): void {
    const count = this.data.rowCount;
    if (count !== this.#orderedFor && (this.sort || this.filters.length)) this.#applyOrder();
    this.#orderedFor = count;
  }

  /** Keep the active cell inside the sheet when rows or columns go away. */
  keepActiveInside(): void {
    const row = Math.max(0, Math.min(this.active.row, this.rowCount - 1));
    const col = Math.max(0, Math.min(this.active.col, this.columns.length - 1));
    if (row !== this.active.row || col !== this.active.col) {
      this.active = { row, col };
      this.anchor = this.active;
      this.extent = null;
    }
  }

  /** The data rows the selection covers. */
  selectedRows(): number[] {
    const range = this.selection;
    const rows: number[] = [];
    for (let r = range.top; r <= range.bottom && r < this.rowCount; r++) {
      const row = this.dataRow(r);
      if (row >= 0) rows.push(row);
    }
    return rows;
  }

  /** The viewport was resized. */
  measure(): void {
    if (!this.viewport) return;
    this.viewWidth = this.viewport.clientWidth;
    this.viewHeight = this.viewport.clientHeight;
  }

  /** The viewport was scrolled. */
  scrolled(): void {
    if (!this.viewport) return;
    this.scrollTop = this.viewport.scrollTop;
    this.scrollLeft = this.viewport.scrollLeft;
  }

  /** Focus the grid's active cell (for the owner's "back to the sheet"). */
  focus(): void {
    this.editor?.focus({ preventScroll: true });
  }

  // ---- moving around -------------------------------------------------------------------------

  moveTo(cell: CellRef, extend = false): void {
    const clamped = { row: Math.max(0, Math.min(cell.row, this.rowCount - 1)), col: Math.max(0, Math.min(cell.col, this.columns.length - 1)) };
    this.active = clamped;
    this.extent = null;
    this.status = '';
    if (!extend) this.anchor = clamped;
    this.#ensureVisible(clamped);
    const row = this.dataRow(clamped.row);
    if (row >= 0) this.#options().onactive?.({ row, col: clamped.col });
  }

  #ensureVisible(cell: CellRef): void {
    const viewport = this.viewport;
    if (!viewport) return;
    const rowHeight = this.rowHeight;
    const top = cell.row * rowHeight;
    const bodyView = viewport.clientHeight - this.headHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + rowHeight > viewport.scrollTop + bodyView) viewport.scrollTop = top + rowHeight - bodyView;
    if (cell.col < this.frozenCount) return;
    const left = this.offsets[cell.col]! - this.frozenWidth;
    const right = this.offsets[cell.col + 1]! - this.frozenWidth;
    const scrolledView = viewport.clientWidth - this.frozenWidth;
    if (left < viewport.scrollLeft) viewport.scrollLeft = left;
    else if (right > viewport.scrollLeft + scrolledView) viewport.scrollLeft = right - scrolledView;
  }

  /**
   * Tab / Shift+Tab go to the next editable cell in reading order, wrapping to the next row, as
   * Excel does on a protected sheet: typing a row of inputs never stops on a computed column.
   * Without editable cells ahead (a locked sheet) it is a plain step.
   */
  tabTarget(from: CellRef, backwards: boolean): CellRef {
    const cols = this.columns.length;
    const rows = this.rowCount;
    const limit = cols * 2;
    let row = from.row;
    let col = from.col;
    for (let i = 0; i < limit; i++) {
      col += backwards ? -1 : 1;
      if (col >= cols) {
        col = 0;
        row += 1;
      } else if (col < 0) {
        col = cols - 1;
        row -= 1;
      }
      if (row < 0 || row >= rows) break;
      if (this.isEditable(row, col)) return { row, col };
    }
    return step(from, backwards ? 'left' : 'right', rows, cols);
  }

  #pageRows(): number {
    return Math.max(1, Math.floor((this.viewHeight - this.headHeight) / this.rowHeight) - 1);
  }

  #scrollToLeftEdge(): void {
    if (this.viewport) this.viewport.scrollLeft = 0;
  }

  // ---- editing -------------------------------------------------------------------------------

  #startEdit(text: string, mode: 'enter' | 'edit'): void {
    if (!this.isEditable(this.active.row, this.active.col)) {
      this.#refuse();
      return;
    }
    this.draft = text;
    this.editMode = mode;
    this.editing = true;
    if (this.editor) this.editor.value = text;
    void tick().then(() => {
      const editor = this.editor;
      if (!editor) return;
      editor.focus({ preventScroll: true });
      const end = editor.value.length;
      editor.setSelectionRange(end, end);
    });
  }

  /** A double click: edit the active cell's own text (read-only cells stay as they are). */
  editActive(): void {
    if (this.isEditable(this.active.row, this.active.col)) this.#startEdit(this.editTextAt(this.active.row, this.active.col), 'edit');
  }

  #refuse(): void {
    if (this.editor) this.editor.value = '';
    this.draft = '';
    const row = this.dataRow(this.active.row);
    if (row >= 0) this.#options().onrefuse?.({ row, col: this.active.col });
  }

  /** The text being edited, then the editor emptied and closed. */
  #takeEdit(): string {
    const text = this.editor?.value ?? this.draft;
    this.editing = false;
    this.draft = '';
    if (this.editor) this.editor.value = '';
    return text;
  }

  commit(): void {
    if (!this.editing) return;
    const text = this.#takeEdit();
    const row = this.dataRow(this.active.row);
    if (row >= 0) this.#options().onchange({ kind: 'edit', cells: [{ row, col: this.active.col, text }], skipped: 0 });
  }

  /** Ctrl+Enter: the typed text into every editable cell of the selection. */
  #commitToSelection(): void {
    const text = this.#takeEdit();
    this.#emitRange(this.selection, () => text, 'edit');
  }

  #cancel(): void {
    this.#takeEdit();
  }

  #emitRange(range: ViewRange, textAt: (viewRow: number, col: number) => string, kind: GridChange['kind']): void {
    const cells: CellText[] = [];
    let skipped = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (!this.isEditable(r, c)) {
          skipped += 1;
          continue;
        }
        cells.push({ row: this.dataRow(r), col: c, text: textAt(r, c) });
      }
    }
    this.#options().onchange({ kind, cells, skipped });
  }

  clearSelection(): void {
    this.#emitRange(this.selection, () => '', 'clear');
  }

  /** Ctrl+D: the top row of the selection into the rows below (one row: copy the row above). */
  fillDown(): void {
    const range = this.selection;
    if (range.bottom === range.top) {
      if (range.top === 0) return;
      const source = range.top - 1;
      this.#emitRange(range, (_r, c) => this.editTextAt(source, c), 'fill');
      return;
    }
    const source = range.top;
    this.#emitRange({ ...range, top: range.top + 1 }, (_r, c) => this.editTextAt(source, c), 'fill');
  }

  /** The editor's text changed while navigating: the first character typed starts an edit. */
  typed(text: string): void {
    if (this.editing || this.#composing || text === '') return;
    if (!this.isEditable(this.active.row, this.active.col)) {
      this.#refuse();
      return;
    }
    // The selection stays while typing: Ctrl+Enter writes the text into all of it, as in Excel.
    this.#startEdit(text, 'enter');
  }

  compositionStart(): void {
    this.#composing = true;
    if (this.editing) return;
    if (!this.isEditable(this.active.row, this.active.col)) return;
    this.draft = '';
    this.editMode = 'enter';
    this.editing = true;
  }

  /** An input-method composition ended with `text` in the editor. */
  compositionEnd(text: string): void {
    this.#composing = false;
    if (!this.editing && text !== '') this.#refuse();
  }

  /** Focus went from the editor to `to`. */
  editorBlur(to: EventTarget | null): void {
    // Clicking elsewhere confirms the edit, as in Excel; the sort menu keeps the grid's state.
    if (this.editing && !(to instanceof Node && this.columnMenuElement?.contains(to))) this.commit();
  }

  #explainActive(): void {
    const row = this.dataRow(this.active.row);
    const onexplain = this.#options().onexplain;
    if (row < 0 || !onexplain) return;
    const element = this.viewport?.querySelector<HTMLElement>(`[data-cell="${this.active.row}:${this.active.col}"]`);
    onexplain({ row, col: this.active.col }, element?.getBoundingClientRect() ?? new DOMRect());
  }

  // ---- clipboard -----------------------------------------------------------------------------

  /** The selection as Excel and WPS copy it: tab-separated rows. */
  selectionTsv(): string {
    const rows: string[][] = [];
    const range = this.selection;
    for (let r = range.top; r <= range.bottom; r++) {
      const cells: string[] = [];
      for (let c = range.left; c <= range.right; c++) cells.push(this.cellText(r, c));
      rows.push(cells);
    }
    return toTsv(rows);
  }

  copy(event: GridClipboard): void {
    if (this.editing) return;
    event.preventDefault();
    event.clipboardData?.setData('text/plain', this.selectionTsv());
  }

  cut(event: GridClipboard): void {
    if (this.editing) return;
    this.copy(event);
    this.clearSelection();
  }

  paste(event: GridClipboard): void {
    if (this.editing) return;
    event.preventDefault();
    this.pasteText(event.clipboardData?.getData('text/plain') ?? '');
  }

  pasteText(text: string): void {
    const block = parseTsv(text);
    if (block.length === 0) return;
    const height = block.length;
    const width = Math.max(...block.map((row) => row.length));
    // One value fills the selection; a block fills a selection that is a multiple of it, repeated.
    const { area: target, repeat } = pasteArea(this.selection, height, width);
    const cells: CellText[] = [];
    let skipped = 0;
    for (let i = 0; i <= target.bottom - target.top; i++) {
      for (let j = 0; j <= target.right - target.left; j++) {
        const r = target.top + i;
        const c = target.left + j;
        const value = repeat ? (block[i % height]?.[j % width] ?? '') : (block[i]?.[j] ?? '');
        if (r >= this.rowCount || c >= this.columns.length || !this.isEditable(r, c)) {
          skipped += 1;
          continue;
        }
        cells.push({ row: this.dataRow(r), col: c, text: value });
      }
    }
    this.anchor = { row: target.top, col: target.left };
    this.active = { row: Math.min(target.bottom, this.rowCount - 1), col: Math.min(target.right, this.columns.length - 1) };
    this.extent = null;
    this.#options().onchange({ kind: 'paste', cells, skipped });
  }

  // ---- cell menu (right click, the menu key, Shift+F10) ---------------------------------------

  openCellMenu(x: number, y: number): void {
    this.status = '';
    this.cellMenu = { x: Math.max(0, Math.min(x, this.scrollLeft + this.viewWidth - 200)), y };
    void tick().then(() => this.cellMenuElement?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
  }

  #openCellMenuAtActive(): void {
    this.openCellMenu(this.editorLeft + Math.min(this.editorWidth, 40), this.editorTop + this.rowHeight);
  }

  closeCellMenu(refocus = true): void {
    this.cellMenu = null;
    if (refocus) this.focus();
  }

  /** A right click on `cell`, at (x, y) in the canvas. */
  contextMenu(cell: CellRef, x: number, y: number): void {
    if (this.editing) this.commit();
    // Right click inside the selection keeps it (copy or clear all of it); elsewhere it moves.
    if (!inRange(this.selection, cell.row, cell.col)) this.moveTo(cell);
    this.focus();
    this.openCellMenu(x, y);
  }

  /** Run a menu item: the menu closes first, the focus goes back to the sheet. */
  runMenuItem(item: CellMenuItem): void {
    this.closeCellMenu();
    switch (item) {
      case 'copy':
        void this.#copyFromMenu();
        return;
      case 'paste':
        void this.#pasteFromMenu();
        return;
      case 'clear':
        this.clearSelection();
        return;
      case 'fillDown':
        this.fillDown();
        return;
      case 'note':
        this.#editNote();
        return;
    }
  }

  async #copyFromMenu(): Promise<void> {
    const range = this.selection;
    try {
      await navigator.clipboard.writeText(this.selectionTsv());
      this.status = t('grid.cellMenu.copied', { count: (range.bottom - range.top + 1) * (range.right - range.left + 1) });
    } catch {
      this.status = t('grid.cellMenu.copyFailed');
    }
  }

  async #pasteFromMenu(): Promise<void> {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      this.status = t('grid.cellMenu.pasteFailed');
      return;
    }
    this.pasteText(text);
  }

  /** The row's note: Kaohe keeps notes per row (评语), so the menu edits that cell. */
  #editNote(): void {
    const noteColumn = this.noteColumn;
    if (noteColumn === undefined) return;
    this.moveTo({ row: this.active.row, col: noteColumn });
    if (this.isEditable(this.active.row, noteColumn)) this.#startEdit(this.editTextAt(this.active.row, noteColumn), 'edit');
    else this.#refuse();
  }

  // ---- fill handle ---------------------------------------------------------------------------

  startFill(): void {
    this.filling = this.selection;
    this.focus();
  }

  /** The dragged handle is over `cell`. */
  dragFill(cell: CellRef): void {
    if (!this.filling) return;
    this.filling = fillTarget(this.selection, cell);
    this.#ensureVisible(cell);
  }

  cancelFill(): void {
    this.filling = null;
  }

  /** The dragged handle lets go: the new cells copy the selection, repeated (like Ctrl+D, any way). */
  endFill(): void {
    const target = this.filling;
    this.filling = null;
    const source = this.selection;
    if (!target || (target.top === source.top && target.bottom === source.bottom && target.left === source.left && target.right === source.right)) return;
    const added: ViewRange =
      target.bottom > source.bottom
        ? { ...target, top: source.bottom + 1 }
        : target.top < source.top
          ? { ...target, bottom: source.top - 1 }
          : target.right > source.right
            ? { ...target, left: source.right + 1 }
            : { ...target, right: source.left - 1 };
    this.anchor = { row: target.top, col: target.left };
    this.extent = { row: target.bottom, col: target.right };
    this.#emitRange(
      added,
      (r, c) => {
        const from = fillSourceCell(source, r, c);
        return this.editTextAt(from.row, from.col);
      },
      'fill',
    );
  }

  // ---- pointer -------------------------------------------------------------------------------

  /** The primary button went down on `cell`. */
  pointerDown(cell: CellRef, extend: boolean): void {
    if (this.editing) this.commit();
    this.moveTo(cell, extend);
    this.#dragging = true;
    this.focus();
  }

  /** The pointer moved over `cell` with the button held. */
  pointerMove(cell: CellRef): void {
    if (!this.#dragging) return;
    if (cell.row !== this.active.row || cell.col !== this.active.col) {
      this.active = cell;
      this.#ensureVisible(cell);
    }
  }

  /** The button came up over `cell`: a plain click on a read-only cell explains it. */
  pointerUp(cell: CellRef | null, extend: boolean): void {
    if (!this.#dragging) return;
    this.#dragging = false;
    if (cell && !extend && cell.row === this.anchor.row && cell.col === this.anchor.col && !this.isEditable(cell.row, cell.col)) this.#explainActive();
  }

  // ---- sort and filter menu ------------------------------------------------------------------

  #applyOrder(): void {
    this.order = viewOrder(this.data, this.sort, this.filters);
  }

  openColumnMenu(col: number): void {
    this.columnMenu = col;
    this.columnMenuText = this.filters.find((f) => f.col === col)?.text ?? '';
    void tick().then(() => this.columnMenuFilter?.focus());
  }

  closeColumnMenu(): void {
    this.columnMenu = null;
    this.focus();
  }

  setSort(direction: 'asc' | 'desc' | null): void {
    if (this.columnMenu === null) return;
    this.sort = direction ? { col: this.columnMenu, direction } : null;
    this.#applyOrder();
    this.closeColumnMenu();
  }

  setFilter(text: string): void {
    if (this.columnMenu === null) return;
    const col = this.columnMenu;
    this.filters = text.trim() === '' ? this.filters.filter((f) => f.col !== col) : [...this.filters.filter((f) => f.col !== col), { col, text }];
    this.#applyOrder();
    this.active = { row: 0, col: this.active.col };
    this.anchor = this.active;
    this.closeColumnMenu();
  }

  clearFilters(): void {
    this.filters = [];
    this.#applyOrder();
  }

  columnMenuKey(event: GridKey): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closeColumnMenu();
    }
  }

  // ---- keyboard ------------------------------------------------------------------------------

  keydown(event: GridKey): void {
    if (this.#composing || event.isComposing) return;
    // Shift pressed on its way to Shift+Tab must not forget the Esc before it.
    if (MODIFIERS.has(event.key)) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const wasLeaving = this.#leaving;
    this.#leaving = false;
    if (this.editing) return this.#editingKey(event, ctrl);
    const rows = this.rowCount;
    const cols = this.columns.length;
    const key = event.key;
    const active = this.active;
    // Esc, then Tab: out of the grid to the next (Shift+Tab: previous) control on the page.
    if (key === 'Tab' && wasLeaving) return;
    if (rows === 0 || cols === 0) return;
    if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      this.#openCellMenuAtActive();
      return;
    }
    const direction = ARROWS[key];
    if (direction && event.altKey && direction === 'down') {
      event.preventDefault();
      this.openColumnMenu(active.col);
      return;
    }
    if (direction) {
      event.preventDefault();
      const to = ctrl ? jump(active, direction, rows, cols, (r, c) => this.#isBlank(r, c)) : step(active, direction, rows, cols);
      this.moveTo(to, event.shiftKey);
      if (ctrl && direction === 'left' && to.col < this.frozenCount) this.#scrollToLeftEdge();
      return;
    }
    switch (key) {
      case 'Tab':
        event.preventDefault();
        this.moveTo(this.tabTarget(active, event.shiftKey));
        return;
      case 'Enter':
        event.preventDefault();
        this.moveTo(step(active, event.shiftKey ? 'up' : 'down', rows, cols));
        return;
      case 'Home':
        event.preventDefault();
        this.moveTo({ row: ctrl ? 0 : active.row, col: 0 }, event.shiftKey);
        // The first column may be frozen (never scrolled to): the sheet itself goes back left.
        this.#scrollToLeftEdge();
        return;
      case 'End':
        event.preventDefault();
        this.moveTo({ row: ctrl ? rows - 1 : active.row, col: cols - 1 }, event.shiftKey);
        return;
      case 'PageDown':
        event.preventDefault();
        this.moveTo(step(active, 'down', rows, cols, this.#pageRows()), event.shiftKey);
        return;
      case 'PageUp':
        event.preventDefault();
        this.moveTo(step(active, 'up', rows, cols, this.#pageRows()), event.shiftKey);
        return;
      case 'F2':
        event.preventDefault();
        if (this.isEditable(active.row, active.col)) this.#startEdit(this.editTextAt(active.row, active.col), 'edit');
        else this.#explainActive();
        return;
      case 'Escape':
        if (this.columnMenu !== null) this.closeColumnMenu();
        else {
          this.anchor = active;
          this.extent = null;
          this.#leaving = true;
        }
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        this.clearSelection();
        return;
      case ' ':
        if (event.shiftKey || ctrl) {
          // Shift+Space: the whole rows of the selection; Ctrl+Space: the whole columns; both: all.
          event.preventDefault();
          const range = this.selection;
          const wholeRows = event.shiftKey;
          const wholeColumns = ctrl;
          this.anchor = { row: wholeColumns ? 0 : range.top, col: wholeRows ? 0 : range.left };
          this.extent = { row: wholeColumns ? rows - 1 : range.bottom, col: wholeRows ? cols - 1 : range.right };
          return;
        }
        if (!this.isEditable(active.row, active.col)) {
          event.preventDefault();
          this.#explainActive();
        }
        return;
    }
    if (!ctrl) return;
    switch (key.toLowerCase()) {
      case 'a':
        event.preventDefault();
        this.anchor = { row: 0, col: 0 };
        this.extent = { row: rows - 1, col: cols - 1 };
        return;
      case 'd':
        event.preventDefault();
        this.fillDown();
        return;
      case 'z':
        event.preventDefault();
        if (event.shiftKey) this.#options().onredo?.();
        else this.#options().onundo?.();
        return;
      case 'y':
        event.preventDefault();
        this.#options().onredo?.();
        return;
    }
  }

  #editingKey(event: GridKey, ctrl: boolean): void {
    const rows = this.rowCount;
    const cols = this.columns.length;
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        if (ctrl) {
          this.#commitToSelection();
          return;
        }
        this.commit();
        this.moveTo(step(this.active, event.shiftKey ? 'up' : 'down', rows, cols));
        return;
      case 'Tab':
        event.preventDefault();
        this.commit();
        this.moveTo(this.tabTarget(this.active, event.shiftKey));
        return;
      case 'Escape':
        event.preventDefault();
        this.#cancel();
        return;
      case 'F2':
        event.preventDefault();
        this.editMode = this.editMode === 'enter' ? 'edit' : 'enter';
        return;
    }
    const direction = ARROWS[event.key];
    if (direction && this.editMode === 'enter' && !event.shiftKey) {
      event.preventDefault();
      this.commit();
      this.moveTo(step(this.active, direction, rows, cols));
    }
  }
}

/** A column's title on one line, for labels. */
export function columnName(column: GridColumn | undefined): string {
  return column?.title.replace('\n', ' ') ?? '';
}

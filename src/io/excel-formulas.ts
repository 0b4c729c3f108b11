// Excel formula text for every computed column of a scored sheet: the template's own formulas
// printed with cell references (printExcel), plus what the core computes natively — the weighted
// mean of the roles that rated, the grade, the rank — written out in plain Excel so Excel and
// WPS recompute the same numbers.
import type { ExcelRefs } from '../formula/index';
import { printExcel } from '../formula/index';
import { numberLiteral } from '../scoring/formula-text';
import type { RaterRole } from '../scoring/model';
import type { LayoutColumn, SheetLayout } from './sheet-layout';
import { columnLetter } from './table';
import { isPayKind, payFormula } from './pay-columns';

export interface FormulaRows {
  /** Excel row number (1-based) of the first person. */
  readonly first: number;
  /** Excel row number of the last person. */
  readonly last: number;
  /** Text the status column holds for temporary cover, who get no grade. */
  readonly temporaryLabel: string;
  /** The grade → coefficient table (`'绩效系数'!$A$2:$B$5`), when the sheet has pay columns. */
  readonly coefficients?: string;
}

const SETTLE_DECIMALS = 10;

function statusColumn(layout: SheetLayout): LayoutColumn {
  return layout.columns.find((column) => column.kind === 'status')!;
}

export function refsFor(layout: SheetLayout, layer: RaterRole | 'final', row: number | string, rows: FormulaRows): ExcelRefs {
  const names = layout.compiled.layers.get(layer);
  const letterOf = (name: string) => {
    const slot = names?.get(name);
    return slot === undefined ? undefined : layout.columnOfSlot.get(slot)?.letter;
  };
  return {
    cell: (name) => {
      const letter = letterOf(name);
      return letter ? `${letter}${row}` : '#NAME?';
    },
    column: (name) => {
      const letter = letterOf(name);
      return letter ? `$${letter}$${rows.first}:$${letter}$${rows.last}` : '#NAME?';
    },
    teamSize: () => `ROWS($A$${rows.first}:$A$${rows.last})`,
  };
}

/**
 * `COUNTA(D2:K2,M2)=0`: nothing entered for the person in this row (any input of any role, or a
 * weekly sum). Such a row is 未评 in Kaohe, every computed cell blank; the file says the same.
 * Team-wide inputs, repeated on every row, are left out.
 */
function unratedTest(layout: SheetLayout, row: number | string): string | undefined {
  const indexes = layout.columns.filter((column) => (column.kind === 'entry' && column.target && !column.target.team) || column.kind === 'weekSum').map((column) => column.index);
  if (indexes.length === 0) return undefined;
  const ranges: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j += 1;
    const first = `${columnLetter(indexes[i]!)}${row}`;
    ranges.push(j === i ? first : `${first}:${columnLetter(indexes[j]!)}${row}`);
    i = j + 1;
  }
  return `COUNTA(${ranges.join(',')})=0`;
}

/** The formula of a computed column in one row, or undefined for columns that hold values. */
export function excelFormula(layout: SheetLayout, column: LayoutColumn, row: number | string, rows: FormulaRows): string | undefined {
  if (isPayKind(column.kind)) return rows.coefficients ? payFormula(layout, column.kind, row, rows.coefficients) : undefined;
  const formula = computedFormula(layout, column, row, rows);
  if (formula === undefined) return undefined;
  const unrated = unratedTest(layout, row);
  return unrated ? `IF(${unrated},"",${formula})` : formula;
}

function computedFormula(layout: SheetLayout, column: LayoutColumn, row: number | string, rows: FormulaRows): string | undefined {
  if (column.slot === undefined) return undefined;
  const { compiled } = layout;
  const cell = compiled.cells[column.slot]!;
  if (cell.fault) return undefined;
  switch (column.kind) {
    case 'combined':
      return combinedFormula(layout, column.slot, row);
    case 'grade':
      return gradeFormula(layout, row, rows);
    case 'rank':
      return rankFormula(layout, row, rows);
    case 'total': {
      // The total is kept at 10 decimals, as the core compares totals at 15 significant digits:
      // 12 × 0.7 ÷ 0.7 = 11.999999999999998 must neither drop a 60 to 不合格 nor split a tie.
      const text = cell.ast ? printExcel(cell.ast, refsFor(layout, 'final', row, rows), { xlfn: true }) : undefined;
      return text === undefined ? undefined : `ROUND(${text},${SETTLE_DECIMALS})`;
    }
    case 'derived':
    case 'roleScore':
    case 'section':
    case 'output':
      return cell.ast ? printExcel(cell.ast, refsFor(layout, cell.role ?? 'final', row, rows), { xlfn: true }) : undefined;
    default:
      return undefined;
  }
}

/**
 * The core's combined score: the weighted mean of the roles that entered anything the rule reads
 * (weights renormalised); if nobody did, the first role's score of blanks.
 * IF(p1+p2=0, s1, (w1*IF(p1>0,s1,0)+w2*IF(p2>0,s2,0)) / (w1*(p1>0)+w2*(p2>0))), pᵢ = COUNTA(role i's inputs).
 */
function combinedFormula(layout: SheetLayout, slot: number, row: number | string): string | undefined {
  const plan = layout.compiled.indicators.find((p) => p.finalSlot === slot);
  if (!plan) return undefined;
  const letter = (s: number) => layout.columnOfSlot.get(s)?.letter;
  const presence = plan.presenceSlots.map((slots) => {
    const cells = slots.map(letter).filter((l): l is string => l !== undefined).map((l) => `${l}${row}`);
    return cells.length === 0 ? '0' : `COUNTA(${cells.join(',')})`;
  });
  const scores = plan.roleSlots.map((s) => {
    const l = letter(s);
    return l ? `${l}${row}` : '#N/A';
  });
  const weights = plan.roles.map((role) => numberLiteral(role.weight));
  const anyone = presence.join('+');
  const numerator = plan.roles.map((_, i) => `${weights[i]}*IF(${presence[i]}>0,${scores[i]},0)`).join('+');
  const denominator = plan.roles.map((_, i) => `${weights[i]}*(${presence[i]}>0)`).join('+');
  return `IF(${anyone}=0,${scores[0]},(${numerator})/(${denominator}))`;
}

function gradeFormula(layout: SheetLayout, row: number | string, rows: FormulaRows): string | undefined {
  const { compiled } = layout;
  const grade = compiled.cells[compiled.gradeSlot]!;
  if (!grade.ast) return undefined;
  const status = statusColumn(layout);
  // Temporary cover (临时顶岗) is ranked but not assessed, and a total that is an error has no
  // grade: both show blank, as in the app.
  return `IF(${status.letter}${row}=${excelString(rows.temporaryLabel)},"",IFERROR(${printExcel(grade.ast, refsFor(layout, 'final', row, rows), { xlfn: true })},""))`;
}

/**
 * Ranks by COUNTIF, which skips errors and text as the core skips totals that are not numbers
 * (RANK.EQ would turn one #DIV/0! into errors for everyone, and older engines lack it).
 */
function rankFormula(layout: SheetLayout, row: number | string, rows: FormulaRows): string | undefined {
  const { compiled } = layout;
  const total = layout.columnOfSlot.get(compiled.totalSlot);
  if (!total) return undefined;
  const cell = `${total.letter}${row}`;
  const range = `$${total.letter}$${rows.first}:$${total.letter}$${rows.last}`;
  if (compiled.template.rankTies === 'dense') {
    // Dense ranks (1,1,2): one more than the number of distinct totals above this one.
    return `IF(ISNUMBER(${cell}),SUMPRODUCT(IFERROR(ISNUMBER(${range})*(${range}>${cell})/COUNTIF(${range},${range}),0))+1,"")`;
  }
  // Competition ranks (1,1,3), as Excel's RANK.EQ gives them.
  return `IF(ISNUMBER(${cell}),COUNTIF(${range},">"&${cell})+1,"")`;
}

/** Stands for the row number while a column's formula is printed once for all rows. */
const ROW_MARK = '\u0001';

/**
 * A column's formula for any row: printed once with a mark where the row number goes, then
 * filled in per row (100,000 rows would otherwise print the same tree 100,000 times).
 */
export function formulaForRows(layout: SheetLayout, column: LayoutColumn, rows: FormulaRows): ((row: number) => string) | undefined {
  const text = excelFormula(layout, column, ROW_MARK, rows);
  if (text === undefined) return undefined;
  const parts = text.split(ROW_MARK);
  if (parts.length === 1) return () => text;
  return (row) => parts.join(String(row));
}

function excelString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

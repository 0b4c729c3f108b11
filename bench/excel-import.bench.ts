// "New from Excel file" at scale: a team scorecard of KAOHE_BENCH_EXCEL_PEOPLE rows (default
// 2,000) with nine formula columns per person, taken through the worker's jobs (open, analyse,
// build + check against every cached value). Printed against SheetJS reading the same file with
// formulas, the bare job the import cannot avoid, in the same run. All of it runs in the io
// worker, so these are the seconds a person waits, not seconds the page is frozen.
import * as XLSX from '@e965/xlsx';
import { analyzeExcel, buildExcel, openExcel } from '../src/io/excel-jobs';
import type { CellSpec } from '../test/unit/io/excel-template/workbooks';
import { buildBook, xlsxBytes } from '../test/unit/io/excel-template/workbooks';
import { SCORECARD, SCORECARD_SHEET } from '../test/unit/io/excel-template/scorecard-workbook';
import { timeMedian } from './lib/timing';

const PEOPLE = Number(process.env.KAOHE_BENCH_EXCEL_PEOPLE ?? 2_000);

/** The scorecard's first person's row for person `i` at sheet row `r` (1-based), values varied. */
function personRow(first: readonly CellSpec[], i: number, r: number): CellSpec[] {
  return first.map((cell, col) => {
    if (typeof cell === 'string' && cell.startsWith('=')) return cell.replace(/\b([A-P])4\b/g, `$1${r}`);
    switch (col) {
      case 0:
        return `员工${i + 1}`;
      case 1:
        return `E${String(i + 1).padStart(5, '0')}`;
      case 2:
        return { v: 0.7 + (i % 40) / 100, z: '0%' };
      case 3:
        return 70 + (i % 30);
      case 4:
        return i % 4;
      default:
        return 1 + (i % 5);
    }
  });
}

function scorecardOf(people: number): Uint8Array {
  const sheet = SCORECARD[SCORECARD_SHEET];
  const first = sheet?.rows[3];
  if (!sheet || !first) throw new Error('the scorecard fixture changed');
  const rows = [...sheet.rows.slice(0, 3), ...Array.from({ length: people }, (_, i) => personRow(first, i, i + 4))];
  return xlsxBytes(buildBook({ ...SCORECARD, [SCORECARD_SHEET]: { ...sheet, rows } }));
}

export async function run(): Promise<void> {
  const bytes = scorecardOf(PEOPLE);
  console.log(`${PEOPLE.toLocaleString('en')} people × 16 columns (9 formulas each), ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB of xlsx`);
  const bare = timeMedian(() => void XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true }), 5, 1).median;
  const opened = timeMedian(() => void openExcel({ token: 'bench', file: 'bench.xlsx', bytes: bytes.slice().buffer }), 5, 1).median;
  let mapping: Parameters<typeof buildExcel>[0]['mapping'] | undefined;
  const analyzed = timeMedian(() => {
    const result = analyzeExcel({ token: 'bench', sheet: SCORECARD_SHEET });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    mapping = result.value.mapping;
  }, 5, 1).median;
  if (!mapping) throw new Error('no mapping');
  const proposal = mapping;
  let compared = 0;
  let differing = 0;
  const built = timeMedian(() => {
    const result = buildExcel({ token: 'bench', mapping: proposal });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    compared = result.value.comparison.compared;
    differing = result.value.comparison.differing;
  }, 5, 1).median;
  const line = (label: string, ms: number) => console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   ${(ms / bare).toFixed(2)}× SheetJS read`);
  console.log(`${'SheetJS read with formulas (baseline)'.padEnd(44)} ${bare.toFixed(0).padStart(7)} ms`);
  line('open (file checks + read)', opened);
  line('analyse (proposed mapping + preview)', analyzed);
  line('build + check every cached value', built);
  line('whole wizard (open + analyse + build)', opened + analyzed + built);
  console.log(`  ${compared.toLocaleString('en')} values compared, ${differing} differ`);
}

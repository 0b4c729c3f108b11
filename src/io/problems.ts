// What can be wrong with a file, as values: each problem names the file, sheet, row and column
// and says what was expected. The UI turns a code into a sentence (i18n `files.problem.*`).

export type FileProblemCode =
  /** The file is bigger than the limit. */
  | 'fileTooLarge'
  /** The workbook would unpack to more than the limit. */
  | 'unpackedTooLarge'
  /** A zip entry packs far tighter than real spreadsheet XML does. */
  | 'zipBomb'
  | 'tooManyRows'
  | 'tooManyColumns'
  /** Not readable as the kind of file its name or first bytes say. */
  | 'damaged'
  | 'unsupportedType'
  /** No rows at all. */
  | 'empty'
  /** The worker took longer than the time limit and was stopped. */
  | 'timeout'
  /** The worker crashed (out of memory, usually). */
  | 'crashed'
  | 'sheetMissing'
  /** A backup or form file is valid JSON/xlsx but not one of ours. */
  | 'notKaoheFile'
  /** A file from a newer version of Kaohe. */
  | 'newerVersion'
  /** Not a confirmation sheet Kaohe made for this period. */
  | 'notConfirmationFile'
  /** The person's result changed after their confirmation sheet was made: they confirmed another one. */
  | 'resultChanged';

export type RowProblemCode =
  | 'unknownPerson'
  | 'ambiguousPerson'
  | 'duplicateRow'
  | 'notANumber'
  | 'notInteger'
  | 'outOfRange'
  | 'unknownLevel'
  | 'notBoolean'
  | 'textTooLong'
  | 'unknownItem'
  | 'unknownRole'
  | 'otherPeriod'
  | 'noValue'
  /** Two rows give a team-wide input different values. */
  | 'teamValuesDiffer'
  /** A cell on a rater form that belongs to a person not on the form's key. */
  | 'unknownFormRow'
  /** A workbook cell several raters gave, changed in Excel: stored unnamed, averaged with theirs. */
  | 'ratersAveraged'
  /** Confirmation sheets: 员工意见 left blank, or not 同意 / 不同意. */
  | 'opinionMissing'
  | 'notAgreement'
  /** 不同意 without saying why. */
  | 'reasonMissing'
  /** Nobody signed it (确认人). */
  | 'signerMissing'
  /** Two sheets of the same person. */
  | 'duplicateConfirmation'
  /** The person's review does not take an opinion now (no talk yet, an appeal filed …). */
  | 'reviewRefused';

export type ColumnProblemCode =
  /** `__proto__`, `constructor`, `prototype`: refused as column names. */
  | 'unsafeHeader'
  | 'noPersonColumn'
  | 'noItemColumn'
  | 'noValueColumn'
  /** A file of 绩效工资基数 without a column whose header says 基数. */
  | 'noBaseColumn'
  | 'noEntryColumn'
  /** Two columns mapped to the same input and role; the later one is ignored. */
  | 'duplicateTarget'
  /** A percent column of bare numbers all above 1 was read as whole percents (90 → 90%). */
  | 'wholePercents';

export type IoProblemCode = FileProblemCode | RowProblemCode | ColumnProblemCode;

export interface IoProblem {
  readonly code: IoProblemCode;
  /** Errors block "apply"; warnings and notes are shown and stored data is still consistent. */
  readonly severity: 'error' | 'warning' | 'note';
  readonly file: string;
  readonly sheet?: string;
  /** 1-based row as Excel shows it. */
  readonly row?: number;
  /** 0-based column; shown as a letter. */
  readonly column?: number;
  /** The column's header text. */
  readonly header?: string;
  /** What was expected, in words or a range (`0 – 100`, `1, 2, 3, 4, 5`). */
  readonly expected?: string;
  /** What was found, shortened. */
  readonly received?: string;
  /** Extra numbers for the message (limits, counts). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function fileProblem(code: FileProblemCode, file: string, params?: Record<string, string | number>): IoProblem {
  return { code, severity: 'error', file, ...(params ? { params } : {}) };
}

/** Text shown for a received value: at most 40 characters. */
export function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function hasErrors(problems: readonly IoProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** A list that keeps the first `limit` problems and counts the rest. */
export interface ProblemList {
  readonly items: IoProblem[];
  /** All problems found, including those not kept. */
  total: number;
  errors: number;
  add(problem: IoProblem): void;
}

export function problemList(limit: number): ProblemList {
  const list: ProblemList = {
    items: [],
    total: 0,
    errors: 0,
    add(problem) {
      list.total += 1;
      if (problem.severity === 'error') list.errors += 1;
      if (list.items.length < limit) list.items.push(problem);
    },
  };
  return list;
}

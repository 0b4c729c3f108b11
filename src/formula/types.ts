// The value and syntax-tree types of Kaohe's formula language (Excel syntax, names in any script).
// Pure data: the parser produces `Node`s, the compiler turns them into closures over `EvalContext`.

/** Excel's error texts, plus `#CYCLE!` for circular definitions between names. */
export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#NAME?' | '#N/A' | '#NUM!' | '#REF!' | '#NULL!' | '#CYCLE!';

/** An error as a value: it sits in a cell and propagates through arithmetic, like Excel. */
export interface ErrorValue {
  readonly type: 'error';
  readonly code: ErrorCode;
  /** Optional human detail for explanations (e.g. the unknown name). Never part of equality. */
  readonly detail?: string;
}

/** `null` is a blank cell: 0 in arithmetic, "" in text, ignored by SUM/AVERAGE over ranges. */
export type Scalar = number | string | boolean | null;

/**
 * A rectangular block of values, row-major: array constants (`{90,85,80}` is 1×3) and team
 * columns (`TEAM([总分])` is n×1). A range object is immutable once handed to a formula, so
 * functions may memoise derived data (e.g. a sorted copy for RANK.EQ) on the object itself.
 */
export interface ArrayValue {
  readonly type: 'array';
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly Value[];
}

export type Value = Scalar | ErrorValue | ArrayValue;

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Every node records where it came from in the source, for error underlines in the editor. */
interface Span {
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset one past the last character. */
  readonly end: number;
}

export type Node =
  | (Span & { readonly type: 'number'; readonly value: number })
  | (Span & { readonly type: 'string'; readonly value: string })
  | (Span & { readonly type: 'boolean'; readonly value: boolean })
  | (Span & { readonly type: 'error'; readonly code: ErrorCode })
  /** A name: an input, indicator, section, or other named cell of the same row. */
  | (Span & { readonly type: 'name'; readonly name: string })
  | (Span & { readonly type: 'unary'; readonly op: '-' | '+'; readonly arg: Node })
  /** Postfix percent: `90%` is `percent(number 90)` and evaluates to 0.9. */
  | (Span & { readonly type: 'percent'; readonly arg: Node })
  | (Span & { readonly type: 'binary'; readonly op: BinaryOp; readonly left: Node; readonly right: Node })
  /** Function call; `name` is upper-cased (`rank.eq` → `RANK.EQ`). */
  | (Span & { readonly type: 'call'; readonly name: string; readonly args: readonly Node[] })
  /** Array constant `{1,2;3,4}`: rows of scalar literals. */
  | (Span & { readonly type: 'array'; readonly rows: readonly (readonly Node[])[] });

/** A syntax error that points at the character: "expected ')' at 14". */
export interface SyntaxError {
  readonly message: string;
  /** 0-based offset of the offending character (source.length at end of input). */
  readonly position: number;
  /** 0-based end offset of the offending token, for underlining. */
  readonly end: number;
}

export type ParseResult =
  | { readonly ok: true; readonly ast: Node }
  | { readonly ok: false; readonly error: SyntaxError };

/**
 * What a compiled formula reads while it runs. The scoring sheet owns the columns; a formula
 * evaluated with `evaluate(source, scope)` gets a one-row context built from the scope.
 */
export interface EvalContext {
  /** Index of the current row (the person being scored). */
  readonly row: number;
  /** `columns[slot][row]` is the value of a named cell; slots come from `CompileOptions.resolve`. */
  readonly columns: ReadonlyArray<ArrayLike<Value>>;
  /**
   * The whole team's column for a slot, as an n×1 ArrayValue (used by `TEAM(name)`).
   * The sheet returns the same object until the column changes.
   */
  team(slot: number): ArrayValue;
  /** Number of people in the cohort (used by `TEAMSIZE()`). */
  readonly teamSize: number;
  /**
   * Bumped by the sheet before each column pass. Sub-expressions that do not depend on the
   * current row (e.g. `AVERAGE(TEAM([x]))`) are computed once per epoch and reused.
   */
  readonly epoch: number;
}

export interface CompileOptions {
  /** Map a name to a column slot. `undefined` makes the name evaluate to `#NAME?`. */
  resolve(name: string): number | undefined;
}

/** A formula compiled to closures: call it once per row. Never uses eval or new Function. */
export type CompiledFormula = (ctx: EvalContext) => Value;

/** The names a formula reads, split by how: in the current row, or as a team column. */
export interface FormulaRefs {
  /** Names read in the current row (`[询单人数]`). */
  readonly row: readonly string[];
  /** Names read as a whole team column (`TEAM([总分])`). */
  readonly team: readonly string[];
  /** Upper-cased function names called. */
  readonly functions: readonly string[];
}

/** How the Excel printer writes names: the caller supplies cell references. */
export interface ExcelRefs {
  /** Cell reference of a name in the current row, e.g. `D5` or `'权重'!$B$3`. */
  cell(name: string): string;
  /** Range reference of a name's team column, e.g. `$F$2:$F$13`. */
  column(name: string): string;
  /** Expression giving the team size, e.g. `ROWS($A$2:$A$13)`. */
  teamSize(): string;
}

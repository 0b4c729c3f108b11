// The formula language's public entry point: parse, compile, evaluate, inspect and print.
// Formulas are data interpreted by closures; nothing here ever runs text as code.
export type {
  ArrayValue,
  BinaryOp,
  CompileOptions,
  CompiledFormula,
  ErrorCode,
  ErrorValue,
  EvalContext,
  ExcelRefs,
  FormulaRefs,
  Node,
  ParseResult,
  Scalar,
  SyntaxError,
  Value,
} from './types';
export { parse } from './parser';
export { compile, isRowInvariant } from './compile';
export { evaluate, type ScopeValue } from './evaluate';
export { refsOf } from './refs';
export { printFormula, printName } from './print';
export { printExcel, type ExcelPrintOptions } from './excel';
export { renameNames } from './rename';
export { tokenize, type HighlightKind, type HighlightToken } from './highlight';
export { diagnose, type Diagnostic } from './diagnose';
export { ERROR_CODES, errorValue, isArray, isError } from './values';
export { FUNCTION_NAMES, FUNCTION_SPECS, functionSpec } from './functions/registry';
export type { FunctionSpec } from './functions/spec';

import { FUNCTION_SPECS } from './functions/registry';

/** Signature and one-line description of every function, for autocompletion and help. */
export const FUNCTION_HELP: readonly { readonly name: string; readonly signature: string; readonly description: string }[] =
  FUNCTION_SPECS.map(({ name, signature, description }) => ({ name, signature, description }));

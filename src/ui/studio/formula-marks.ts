// Formula text cut into highlighted pieces, with the spans of errors marked, for the formula
// editor's overlay. Pure: the component renders each piece as a <span>, never as HTML.
import { diagnose, parse, tokenize, type HighlightKind } from '../../formula/index';

export interface FormulaPiece {
  readonly text: string;
  readonly kind: HighlightKind;
  readonly error: boolean;
}

export interface FormulaCheck {
  readonly pieces: readonly FormulaPiece[];
  /** Messages (from the formula language, in English) with their 0-based spans. */
  readonly problems: readonly { readonly message: string; readonly start: number; readonly end: number }[];
}

export function checkFormula(source: string, isKnownName?: (name: string) => boolean): FormulaCheck {
  const parsed = parse(source);
  const problems = parsed.ok
    ? diagnose(parsed.ast, isKnownName).map(({ message, start, end }) => ({ message, start, end }))
    : [{ message: parsed.error.message, start: parsed.error.position, end: Math.max(parsed.error.end, parsed.error.position + 1) }];
  const cuts = new Set<number>([0, source.length]);
  const tokens = tokenize(source);
  for (const token of tokens) {
    cuts.add(token.start);
    cuts.add(token.end);
  }
  for (const problem of problems) {
    cuts.add(Math.min(problem.start, source.length));
    cuts.add(Math.min(problem.end, source.length));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: FormulaPiece[] = [];
  let token = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    if (end <= start) continue;
    while (token < tokens.length && tokens[token]!.end <= start) token++;
    const kind = tokens[token]?.kind ?? 'whitespace';
    const error = problems.some((problem) => problem.start < end && Math.max(problem.end, problem.start + 1) > start);
    pieces.push({ text: source.slice(start, end), kind, error });
  }
  // An error at the very end ("expected ')'") gets a visible marker after the text.
  if (problems.some((problem) => problem.start >= source.length)) pieces.push({ text: ' ', kind: 'whitespace', error: true });
  return { pieces, problems };
}

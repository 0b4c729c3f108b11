// Operator closures with number-only fast paths: when both operands are numbers they compute
// inline and allocate nothing; anything else (text, blanks, errors, arrays) goes to operators.ts.
// One closure per operator, written out, so each stays monomorphic for the JIT.
import { compareNumbers } from './compare';
import { addNumbers, applyBinary, power } from './operators';
import type { BinaryOp, CompiledFormula } from './types';

type Run = CompiledFormula;

function arithmetic(op: '+' | '-' | '*' | '/' | '^', l: Run, r: Run): Run {
  switch (op) {
    case '+':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const x = addNumbers(a, b);
          if (x - x === 0) return x;
        }
        return applyBinary('+', a, b);
      };
    case '-':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const x = addNumbers(a, -b);
          if (x - x === 0) return x;
        }
        return applyBinary('-', a, b);
      };
    case '*':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const x = a * b;
          if (x - x === 0) return x;
        }
        return applyBinary('*', a, b);
      };
    case '/':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
          const x = a / b;
          if (x - x === 0) return x;
        }
        return applyBinary('/', a, b);
      };
    case '^':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (typeof a === 'number' && typeof b === 'number') return power(a, b);
        return applyBinary('^', a, b);
      };
  }
}

/** Arithmetic with a constant number on the right (`[a]*0.3`, `[x]/100`): one call fewer. */
function arithmeticByConstant(op: '+' | '-' | '*' | '/' | '^', l: Run, k: number): Run {
  switch (op) {
    case '+':
    case '-': {
      const addend = op === '+' ? k : -k;
      return (ctx) => {
        const a = l(ctx);
        if (typeof a === 'number') {
          const x = addNumbers(a, addend);
          if (x - x === 0) return x;
        }
        return applyBinary(op, a, k);
      };
    }
    case '*':
      return (ctx) => {
        const a = l(ctx);
        if (typeof a === 'number') {
          const x = a * k;
          if (x - x === 0) return x;
        }
        return applyBinary('*', a, k);
      };
    case '/':
      if (k === 0) return (ctx) => applyBinary('/', l(ctx), k);
      return (ctx) => {
        const a = l(ctx);
        if (typeof a === 'number') {
          const x = a / k;
          if (x - x === 0) return x;
        }
        return applyBinary('/', a, k);
      };
    case '^':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? power(a, k) : applyBinary('^', a, k);
      };
  }
}

function comparisonByConstant(op: '=' | '<>' | '<' | '<=' | '>' | '>=', l: Run, k: number): Run {
  switch (op) {
    case '=':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) === 0 : applyBinary('=', a, k);
      };
    case '<>':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) !== 0 : applyBinary('<>', a, k);
      };
    case '<':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) < 0 : applyBinary('<', a, k);
      };
    case '<=':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) <= 0 : applyBinary('<=', a, k);
      };
    case '>':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) > 0 : applyBinary('>', a, k);
      };
    case '>=':
      return (ctx) => {
        const a = l(ctx);
        return typeof a === 'number' ? compareNumbers(a, k) >= 0 : applyBinary('>=', a, k);
      };
  }
}

function comparison(op: '=' | '<>' | '<' | '<=' | '>' | '>=', l: Run, r: Run): Run {
  switch (op) {
    case '=':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) === 0 : applyBinary('=', a, b);
      };
    case '<>':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) !== 0 : applyBinary('<>', a, b);
      };
    case '<':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) < 0 : applyBinary('<', a, b);
      };
    case '<=':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) <= 0 : applyBinary('<=', a, b);
      };
    case '>':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) > 0 : applyBinary('>', a, b);
      };
    case '>=':
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) >= 0 : applyBinary('>=', a, b);
      };
  }
}

/** The closure for `left op right`; `rightConstant` is set when the right side is a literal number. */
export function binaryRun(op: BinaryOp, l: Run, r: Run, rightConstant: number | undefined): Run {
  if (op === '&') return (ctx) => applyBinary('&', l(ctx), r(ctx));
  if (op === '+' || op === '-' || op === '*' || op === '/' || op === '^') {
    return rightConstant === undefined ? arithmetic(op, l, r) : arithmeticByConstant(op, l, rightConstant);
  }
  return rightConstant === undefined ? comparison(op, l, r) : comparisonByConstant(op, l, rightConstant);
}

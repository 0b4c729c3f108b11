// A template compiled once into a graph of named cells, each a column over the team:
// raw inputs and derived inputs per rater role, each indicator's score per role, the indicator's
// combined score, sections, total, grade, rank and extra outputs. Cells are evaluated column by
// column in dependency order; circular definitions become #CYCLE!.
import { compile, parse, refsOf } from '../formula/index';
import type { CompiledFormula, ErrorValue, Node } from '../formula/types';
import { errorValue } from '../formula/index';
import type { Indicator, InputDef, RaterRole, RoleWeight, Section, Template } from './model';
import { entryName, isPlainEntry, isSelfEntered, ruleFormula } from './rules';
import { gradeFormula, rankName, sectionFormula, totalFormula, totalName, gradeName } from './composite';

export type CellKind =
  /** Entered values of one role (mean of that role's raters). */
  | 'raw'
  /** A team-scope input: one value for everyone (公共销售业绩总额). */
  | 'teamRaw'
  | 'derived'
  /** An indicator's score as one role rated it. */
  | 'roleScore'
  /** An indicator's combined score over roles (native weighted mean of present roles). */
  | 'combined'
  /** A weekly indicator's month score: the sum over the weeks, filled in from week sheets. */
  | 'weekSum'
  | 'section'
  | 'total'
  | 'grade'
  | 'rank'
  | 'output';

export interface Cell {
  readonly slot: number;
  readonly kind: CellKind;
  /** The name formulas use for it within its layer. */
  readonly name: string;
  /** The rater role layer, or null for cells shared by all roles. */
  readonly role: RaterRole | null;
  /** Entry key for raw cells: an input id, or an indicator id for self-entered indicators. */
  readonly entryKey?: string;
  readonly inputId?: string;
  readonly indicatorId?: string;
  readonly sectionId?: string;
  readonly outputId?: string;
  /** Formula text (Kaohe syntax) for computed cells. */
  readonly source?: string;
  readonly ast?: Node;
  /** Set by `buildGraph` for computed cells with a formula. */
  evaluate?: CompiledFormula;
  /** A constant error for the whole column: syntax error, or part of a cycle. */
  fault?: ErrorValue;
  /** Slots read in the same row. */
  rowDeps: number[];
  /** Slots read as whole team columns (TEAM(...), rank). */
  teamDeps: number[];
  /** Only meaningful in week sheets (roles of a weekly indicator and what feeds them). */
  weekly: boolean;
}

export interface IndicatorPlan {
  readonly indicator: Indicator;
  readonly section: Section;
  readonly roles: readonly RoleWeight[];
  /** Role-score slots, aligned with `roles`. */
  readonly roleSlots: readonly number[];
  /** Per role, the raw slots the rule reads (through derived inputs): any entry there = the role rated. */
  readonly presenceSlots: readonly (readonly number[])[];
  /** Slot of the indicator's final score (may be the only role's slot). */
  readonly finalSlot: number;
  readonly weekly: boolean;
}

export interface CompiledTemplate {
  readonly template: Template;
  readonly cells: readonly Cell[];
  /** Computed cells in evaluation order (raw cells excluded). */
  readonly order: readonly number[];
  readonly roles: readonly RaterRole[];
  readonly primaryRole: RaterRole;
  readonly indicators: readonly IndicatorPlan[];
  /** Raw slot by `${role}|${entryKey}`; team inputs by `team|${inputId}`. */
  readonly rawSlots: ReadonlyMap<string, number>;
  /** The same, by role (or `team`) then entry key: no string building on the hot path. */
  readonly rawSlotsByRole: ReadonlyMap<RaterRole | 'team', ReadonlyMap<string, number>>;
  readonly derivedSlots: ReadonlyMap<string, number>;
  readonly sectionSlots: ReadonlyMap<string, number>;
  readonly outputSlots: ReadonlyMap<string, number>;
  readonly totalSlot: number;
  readonly gradeSlot: number;
  readonly rankSlot: number;
  readonly hasWeekly: boolean;
  /** Cells whose formula referred to a name that does not exist. */
  readonly unknownNames: ReadonlyMap<number, readonly string[]>;
  /** The names each layer sees: one per rater role, and `final` for sections, total, outputs. */
  readonly layers: ReadonlyMap<RaterRole | 'final', ReadonlyMap<string, number>>;
}

export function rawKey(role: RaterRole | 'team', entryKey: string): string {
  return `${role}|${entryKey}`;
}

export function indicatorRoles(indicator: Indicator, template: Template): readonly RoleWeight[] {
  const roles = indicator.roles && indicator.roles.length > 0 ? indicator.roles : template.roles;
  return roles.length > 0 ? roles : [{ role: 'supervisor', weight: 1 }];
}

function parseSource(source: string): { ast?: Node; fault?: ErrorValue } {
  const parsed = parse(source);
  if (parsed.ok) return { ast: parsed.ast };
  return { fault: errorValue('#VALUE!', `${parsed.error.message}`) };
}

interface Builder {
  cells: Cell[];
  add(cell: Omit<Cell, 'slot' | 'rowDeps' | 'teamDeps' | 'weekly'> & { weekly?: boolean }): Cell;
}

function builder(): Builder {
  const cells: Cell[] = [];
  return {
    cells,
    add(partial) {
      const cell: Cell = { ...partial, slot: cells.length, rowDeps: [], teamDeps: [], weekly: partial.weekly ?? false };
      cells.push(cell);
      return cell;
    },
  };
}

function formulaCell(b: Builder, base: Omit<Cell, 'slot' | 'rowDeps' | 'teamDeps' | 'weekly' | 'ast' | 'fault'> & { source: string; weekly?: boolean }): Cell {
  const { ast, fault } = parseSource(base.source);
  return b.add({ ...base, ...(ast ? { ast } : {}), ...(fault ? { fault } : {}) });
}

export function buildGraph(template: Template): CompiledTemplate {
  const b = builder();
  const plansRoles = template.sections.flatMap((section) => section.indicators.map((indicator) => indicatorRoles(indicator, template)));
  const roles: RaterRole[] = [];
  for (const role of [...template.roles.map((r) => r.role), ...plansRoles.flat().map((r) => r.role)]) {
    if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0) roles.push('supervisor');
  const primaryRole = roles[0]!;

  const personInputs = template.inputs.filter((input) => input.scope !== 'team');
  const teamInputs = template.inputs.filter((input) => input.scope === 'team');
  const rawSlots = new Map<string, number>();
  const derivedSlots = new Map<string, number>();
  /** Names visible in each role layer, and in the final layer. */
  const layers = new Map<RaterRole | 'final', Map<string, number>>();
  for (const role of roles) layers.set(role, new Map());
  layers.set('final', new Map());
  const shared = new Map<string, number>();

  for (const input of teamInputs) {
    const cell = input.formula
      ? formulaCell(b, { kind: 'derived', name: input.name, role: null, inputId: input.id, source: input.formula })
      : b.add({ kind: 'teamRaw', name: input.name, role: null, entryKey: input.id, inputId: input.id });
    if (!input.formula) rawSlots.set(rawKey('team', input.id), cell.slot);
    else derivedSlots.set(`team|${input.id}`, cell.slot);
    shared.set(input.name, cell.slot);
  }

  const sections = template.sections;
  const allIndicators = sections.flatMap((section) => section.indicators.map((indicator) => ({ indicator, section })));

  for (const role of roles) {
    const layer = layers.get(role)!;
    for (const input of personInputs) {
      const cell = input.formula
        ? formulaCell(b, { kind: 'derived', name: input.name, role, inputId: input.id, source: input.formula })
        : b.add({ kind: 'raw', name: input.name, role, entryKey: input.id, inputId: input.id });
      if (input.formula) derivedSlots.set(rawKey(role, input.id), cell.slot);
      else rawSlots.set(rawKey(role, input.id), cell.slot);
      layer.set(input.name, cell.slot);
    }
    for (const { indicator } of allIndicators) {
      if (!isSelfEntered(indicator.rule)) continue;
      const cell = b.add({ kind: 'raw', name: entryName(indicator), role, entryKey: indicator.id, indicatorId: indicator.id });
      rawSlots.set(rawKey(role, indicator.id), cell.slot);
      layer.set(entryName(indicator), cell.slot);
    }
  }

  const plans: IndicatorPlan[] = [];
  const roleSlotOf = new Map<string, number>();
  for (const { indicator, section } of allIndicators) {
    const weights = indicatorRoles(indicator, template);
    const roleSlots: number[] = [];
    for (const { role } of weights) {
      const layer = layers.get(role)!;
      let slot: number;
      if (isPlainEntry(indicator.rule)) {
        slot = layer.get(entryName(indicator))!;
      } else {
        slot = formulaCell(b, {
          kind: 'roleScore',
          name: indicator.name,
          role,
          indicatorId: indicator.id,
          source: ruleFormula(indicator, template),
          weekly: indicator.cadence === 'week',
        }).slot;
      }
      roleSlots.push(slot);
      roleSlotOf.set(`${role}|${indicator.id}`, slot);
      layer.set(indicator.name, slot);
    }
    const weekly = indicator.cadence === 'week';
    let finalSlot: number;
    if (weekly) {
      finalSlot = b.add({ kind: 'weekSum', name: indicator.name, role: null, indicatorId: indicator.id }).slot;
    } else if (weights.length === 1) {
      finalSlot = roleSlots[0]!;
    } else {
      finalSlot = b.add({ kind: 'combined', name: indicator.name, role: null, indicatorId: indicator.id }).slot;
    }
    layers.get('final')!.set(indicator.name, finalSlot);
    plans.push({ indicator, section, roles: weights, roleSlots, presenceSlots: [], finalSlot, weekly });
  }
  // Role layers see other indicators' role scores when rated by that role, else the final score.
  for (const role of roles) {
    const layer = layers.get(role)!;
    for (const plan of plans) if (!layer.has(plan.indicator.name)) layer.set(plan.indicator.name, plan.finalSlot);
  }

  const sectionSlots = new Map<string, number>();
  for (const section of sections) {
    const cell = formulaCell(b, { kind: 'section', name: section.name, role: null, sectionId: section.id, source: sectionFormula(section) });
    sectionSlots.set(section.id, cell.slot);
    shared.set(section.name, cell.slot);
  }
  const total = formulaCell(b, { kind: 'total', name: totalName(template), role: null, source: totalFormula(template) });
  shared.set(total.name, total.slot);
  const grade = formulaCell(b, { kind: 'grade', name: gradeName(template), role: null, source: gradeFormula(template) });
  shared.set(grade.name, grade.slot);
  const rank = b.add({ kind: 'rank', name: rankName(template), role: null });
  rank.teamDeps.push(total.slot);
  shared.set(rank.name, rank.slot);
  const outputSlots = new Map<string, number>();
  for (const output of template.outputs ?? []) {
    const cell = formulaCell(b, { kind: 'output', name: output.name, role: null, outputId: output.id, source: output.formula });
    outputSlots.set(output.id, cell.slot);
    shared.set(output.name, cell.slot);
  }
  for (const layer of layers.values()) for (const [name, slot] of shared) if (!layer.has(name)) layer.set(name, slot);
  // The final layer reads inputs as the primary role entered them.
  const finalLayer = layers.get('final')!;
  for (const [name, slot] of layers.get(primaryRole)!) if (!finalLayer.has(name)) finalLayer.set(name, slot);

  const unknownNames = new Map<number, string[]>();
  for (const cell of b.cells) {
    if (!cell.ast) continue;
    const layer = layers.get(cell.role ?? 'final')!;
    const refs = refsOf(cell.ast);
    const missing = [...refs.row, ...refs.team].filter((name) => !layer.has(name));
    if (missing.length > 0) unknownNames.set(cell.slot, [...new Set(missing)]);
    cell.rowDeps.push(...refs.row.flatMap((name) => (layer.has(name) ? [layer.get(name)!] : [])));
    cell.teamDeps.push(...refs.team.flatMap((name) => (layer.has(name) ? [layer.get(name)!] : [])));
    cell.evaluate = compile(cell.ast, { resolve: (name) => layer.get(name) });
  }
  for (const plan of plans) {
    const combined = b.cells[plan.finalSlot]!;
    if (combined.kind === 'combined') combined.rowDeps.push(...plan.roleSlots);
  }

  // Weekly: what the weekly role scores read is evaluated in week sheets too.
  markWeekly(b.cells);

  const finalPlans = plans.map((plan) => ({ ...plan, presenceSlots: plan.roleSlots.map((slot) => rawSources(b.cells, slot)) }));
  const order = evaluationOrder(b.cells);

  return {
    template,
    cells: b.cells,
    order,
    roles,
    primaryRole,
    indicators: finalPlans,
    rawSlots,
    rawSlotsByRole: byRole(rawSlots),
    derivedSlots,
    sectionSlots,
    outputSlots,
    totalSlot: total.slot,
    gradeSlot: grade.slot,
    rankSlot: rank.slot,
    hasWeekly: plans.some((plan) => plan.weekly),
    unknownNames,
    layers,
  };
}

function byRole(rawSlots: ReadonlyMap<string, number>): Map<RaterRole | 'team', Map<string, number>> {
  const grouped = new Map<RaterRole | 'team', Map<string, number>>();
  for (const [key, slot] of rawSlots) {
    const bar = key.indexOf('|');
    const role = key.slice(0, bar) as RaterRole | 'team';
    let slots = grouped.get(role);
    if (!slots) grouped.set(role, (slots = new Map()));
    slots.set(key.slice(bar + 1), slot);
  }
  return grouped;
}

function markWeekly(cells: Cell[]): void {
  const stack = cells.filter((cell) => cell.weekly).map((cell) => cell.slot);
  while (stack.length > 0) {
    const cell = cells[stack.pop()!]!;
    for (const dep of [...cell.rowDeps, ...cell.teamDeps]) {
      const target = cells[dep]!;
      if (!target.weekly && (target.kind === 'derived' || target.kind === 'raw' || target.kind === 'teamRaw')) {
        target.weekly = true;
        stack.push(dep);
      }
    }
  }
}

/** Raw person-entry slots a cell reads, directly or through derived inputs. */
function rawSources(cells: readonly Cell[], slot: number): number[] {
  const found = new Set<number>();
  const seen = new Set<number>();
  const stack = [slot];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const cell = cells[current]!;
    if (cell.kind === 'raw') {
      found.add(current);
      continue;
    }
    if (cell.kind === 'derived' || current === slot) stack.push(...cell.rowDeps, ...cell.teamDeps);
  }
  return [...found];
}

/**
 * Computed cells in dependency order (Tarjan's strongly connected components). Cells on a cycle
 * get the constant #CYCLE!; cells downstream of one read it and propagate it like any error.
 */
function evaluationOrder(cells: Cell[]): number[] {
  const index = new Array<number>(cells.length).fill(-1);
  const low = new Array<number>(cells.length).fill(0);
  const onStack = new Array<boolean>(cells.length).fill(false);
  const stack: number[] = [];
  const order: number[] = [];
  let counter = 0;

  const deps = (slot: number) => [...cells[slot]!.rowDeps, ...cells[slot]!.teamDeps];

  function connect(start: number): void {
    // Iterative Tarjan: a frame is [slot, next dependency index].
    const frames: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [slot, next] = frame;
      const list = deps(slot);
      if (next < list.length) {
        frame[1] += 1;
        const dep = list[next]!;
        if (index[dep] === -1) {
          index[dep] = low[dep] = counter++;
          stack.push(dep);
          onStack[dep] = true;
          frames.push([dep, 0]);
        } else if (onStack[dep]) {
          low[slot] = Math.min(low[slot]!, index[dep]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[slot]!);
      if (low[slot] !== index[slot]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        component.push(member);
      } while (member !== slot);
      const cyclic = component.length > 1 || deps(slot).includes(slot);
      for (const m of component) {
        if (cyclic) cells[m]!.fault = errorValue('#CYCLE!');
        order.push(m);
      }
    }
  }

  for (let slot = 0; slot < cells.length; slot++) if (index[slot] === -1) connect(slot);
  return order.filter((slot) => {
    const kind = cells[slot]!.kind;
    return kind !== 'raw' && kind !== 'teamRaw' && kind !== 'weekSum';
  });
}

export function inputByName(template: Template, name: string): InputDef | undefined {
  return template.inputs.find((input) => input.name === name);
}

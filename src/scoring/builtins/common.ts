// Pieces several built-in templates share.
import type { GradeBand, Indicator, InputDef, RoleWeight, Rule, Section } from '../model';

/**
 * 90–100 优秀, 70–89 良好, 60–69 合格, <60 不合格: the scale of the 餐厅服务员考核评分表 (seed
 * 001), used by the templates whose seed gives no grades (each says so in its description).
 */
export const STANDARD_GRADES: readonly GradeBand[] = [
  { label: '优秀', min: 90, minInclusive: true },
  { label: '良好', min: 70, minInclusive: true },
  { label: '合格', min: 60, minInclusive: true },
  { label: '不合格', min: null, minInclusive: true, failing: true },
];

/** One rater: the supervisor (上级) rates everything. */
export const SUPERVISOR_ONLY: readonly RoleWeight[] = [{ role: 'supervisor', weight: 1 }];

/** What a built-in says about one indicator; `indicator` fills in the rest. */
export interface IndicatorSpec {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly target?: string;
  readonly dataSource?: string;
  /** Measured from inputs (true), or rated by a person (false, the default). */
  readonly quantitative?: boolean;
  readonly max: number;
  readonly weight?: number;
  readonly bonus?: true;
  readonly cadence?: 'week';
  /** Default: the score itself is entered, 0 to max. */
  readonly rule?: Rule;
  readonly roles?: readonly RoleWeight[];
}

/**
 * One indicator of a built-in template. Fields the spec leaves out stay out, and the fields come
 * in the order the built-ins have always written them, so a saved or exported template's JSON
 * does not change.
 */
export function indicator(spec: IndicatorSpec): Indicator {
  return {
    id: spec.id,
    name: spec.name,
    definition: spec.definition,
    ...(spec.target === undefined ? {} : { target: spec.target }),
    ...(spec.dataSource === undefined ? {} : { dataSource: spec.dataSource }),
    quantitative: spec.quantitative ?? false,
    max: spec.max,
    ...(spec.weight === undefined ? {} : { weight: spec.weight }),
    ...(spec.bonus === undefined ? {} : { bonus: spec.bonus }),
    ...(spec.cadence === undefined ? {} : { cadence: spec.cadence }),
    rule: spec.rule ?? { kind: 'direct' },
    ...(spec.roles === undefined ? {} : { roles: spec.roles }),
  };
}

/** An item a person rates 0–100 directly (seeds that list items but give no scale). */
export function ratedOutOf100(id: string, name: string, definition: string, roles?: readonly RoleWeight[]): Indicator {
  return indicator({ id, name, definition, max: 100, roles });
}

/** A row of a seed's points table: an item worth `points`, with the seed's wording. */
export interface PointsItem {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly definition: string;
}

/** The seed's items under one heading (专业知识与技能 …): one `sum` section. */
export interface PointsGroup {
  readonly id: string;
  readonly name: string;
  readonly items: readonly PointsItem[];
}

/**
 * A points-table item rated by a person: its definition ends in `(10分)`, its max is its points,
 * and without a rule its score is entered directly.
 */
export function pointsIndicator(item: PointsItem, rule?: Rule): Indicator {
  return indicator({ id: item.id, name: item.name, definition: `${item.definition}(${item.points}分)`, max: item.points, rule });
}

/** One `sum` section per group, one indicator per item, each scored by `rule(item)` or directly. */
export function pointsSections(groups: readonly PointsGroup[], rule?: (item: PointsItem) => Rule): Section[] {
  return groups.map(
    (group): Section => ({
      id: group.id,
      name: group.name,
      combine: 'sum',
      indicators: group.items.map((item) => pointsIndicator(item, rule?.(item))),
    }),
  );
}

const RATING_LEVELS = [1, 2, 3, 4, 5] as const;

/** The 1–5 rating entered for an item scored by rating: input `<name>评分`, id `<id>_rating`. */
export function ratingInput(item: { readonly id: string; readonly name: string }, description: string): InputDef {
  return {
    id: `${item.id}_rating`,
    name: `${item.name}评分`,
    type: 'level',
    min: 1,
    max: 5,
    levels: RATING_LEVELS,
    description,
  };
}

/** The item's 1–5 rating (its `ratingInput`) scaled onto its points: rating ÷ 5 × points. */
export function ratingScale(itemName: string): Rule {
  return { kind: 'scale', input: `${itemName}评分`, low: 1, high: 5 };
}

// The scorecard template model: sections → indicators → rules, plus inputs, grades and raters.
// Every rule kind compiles to a formula (see rules.ts); the formula is the truth.

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** 自评 self, 上级 supervisor, 平级 peer, 下级 subordinate, 客户 customer. */
export type RaterRole = 'self' | 'supervisor' | 'peer' | 'subordinate' | 'customer';
export const RATER_ROLES: readonly RaterRole[] = ['self', 'supervisor', 'peer', 'subordinate', 'customer'];

/** A role and its weight in the combined score (weights of the roles used are renormalised). */
export interface RoleWeight {
  readonly role: RaterRole;
  readonly weight: number;
}

/**
 * A raw metric a person enters or imports (接待人数, 延时次数, 行为等级), or a derived input
 * computed by a formula over other inputs (询单人数比 = 询单人数/接待人数).
 */
export interface InputDef {
  /** Stable id: entries are stored under it, so renaming never loses data. */
  readonly id: string;
  /** Unique display name; formulas refer to it (`[询单人数]`). */
  readonly name: string;
  readonly type: 'number' | 'percent' | 'count' | 'level' | 'boolean' | 'text';
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for `level` inputs (e.g. 1..5, or 优秀/良好/一般/不及格). */
  readonly levels?: readonly (number | string)[];
  /** Present on derived inputs: computed, never entered. */
  readonly formula?: string;
  /**
   * `team`: one value per period for the whole team (公共销售业绩总额), stored under the
   * pseudo-person `TEAM_PERSON_ID`. Default `person`.
   */
  readonly scope?: 'person' | 'team';
  readonly description?: string;
}

/** Stored entries for team-scope inputs use this person id. */
export const TEAM_PERSON_ID = '@team';

/**
 * One band of a band table: a measured value in [from, to) or similar → points.
 * `from`/`to` of `null` mean unbounded. Edges say explicitly whether they are inclusive.
 */
export interface Band {
  readonly from: number | null;
  readonly fromInclusive: boolean;
  readonly to: number | null;
  readonly toInclusive: boolean;
  readonly points: number;
  /** A label such as `A` (达成率超过100%: A), shown in explanations. */
  readonly label?: string;
}

export interface LevelRow {
  /** What is entered: 1..5, or a word such as 优秀. */
  readonly value: number | string;
  readonly points: number;
  /** Description of the level (1级:提供必要服务). */
  readonly label?: string;
}

export interface DeductionItem {
  /** Name of the count input (延时次数). */
  readonly input: string;
  /** Points taken per count (每延时1次计扣2分 → 2). */
  readonly penalty: number;
}

export type ComparisonOp = '>=' | '>' | '<=' | '<' | '=' | '<>';

export type Rule =
  /**
   * 直接打分: points entered 0..max. With `input` the score is that input; without, the
   * indicator itself is the entered cell (its entries are stored under the indicator id).
   */
  | { readonly kind: 'direct'; readonly input?: string }
  /** 评分等级 proportional: a rating on low..high scaled to max (4 of 1–5 on 20 pts → 16), clamped to 0..max. */
  | { readonly kind: 'scale'; readonly input: string; readonly low: number; readonly high: number }
  /** 等级表: level → points (1级4分 … 5级20分; 优秀/良好/…). Unknown level → #N/A. */
  | { readonly kind: 'levels'; readonly input: string; readonly levels: readonly LevelRow[] }
  /** 区间: measured value → points; the first band containing the value wins, else `otherwise`. */
  | {
      readonly kind: 'bands';
      readonly input: string;
      readonly bands: readonly Band[];
      /** Points when no band matches; `null` gives #N/A (a gap the template did not close). */
      readonly otherwise: number | null;
    }
  /** 扣分: start − Σ count × penalty, floored (每延时1次计扣2分). `start` defaults to max. */
  | {
      readonly kind: 'deduction';
      readonly items: readonly DeductionItem[];
      readonly start?: number;
      /** Default 0. */
      readonly floor?: number;
    }
  /**
   * 比率: clamp(actual/target, 0, cap) × max; `lower` is lower-is-better (target/actual).
   * `target` is an input name or a constant.
   */
  | {
      readonly kind: 'ratio';
      readonly actual: string;
      readonly target: string | number;
      readonly direction: 'higher' | 'lower';
      /** Largest ratio counted; default 1 (no points above max). */
      readonly cap?: number;
    }
  /** 达标: pass/fail → points (旺旺回复率必须是100%, 低于扣1分 → pass 0, fail −1). */
  | {
      readonly kind: 'threshold';
      readonly input: string;
      readonly op: ComparisonOp;
      readonly value: number;
      readonly pass: number;
      readonly fail: number;
    }
  /**
   * 排名: rank in the cohort for the period → points (1–3名 加3/2/1分). `below` optionally
   * gives different points when the person is below a reference (低于平均水平扣1分): the team
   * average, or a fixed number (低于店铺总客单价248.46扣1分). Below wins over rank points.
   */
  | {
      readonly kind: 'rank';
      readonly input: string;
      /** `desc`: highest value is rank 1. */
      readonly order: 'desc' | 'asc';
      readonly points: readonly number[];
      readonly below?: { readonly reference: 'average' | number; readonly points: number };
    }
  /** 与团队平均比较: worse than the team average → `below`, else `otherwise`. */
  | {
      readonly kind: 'relative';
      readonly input: string;
      /** `higher`: bigger is better; `lower`: smaller is better (响应时间). */
      readonly direction: 'higher' | 'lower';
      readonly below: number;
      readonly otherwise: number;
    }
  /** 加减分: entered points clamped to [min, max] (出色表现 最多加5分). Counted outside the base. */
  | { readonly kind: 'bonus'; readonly input?: string; readonly min: number; readonly max: number }
  /** 公式: any formula in the language. */
  | { readonly kind: 'formula'; readonly formula: string };

export type RuleKind = Rule['kind'];

export interface Indicator {
  readonly id: string;
  /** Unique display name; formulas refer to the indicator's score by it. */
  readonly name: string;
  /** 指标定义 / 评分标准 text from the seed. */
  readonly definition?: string;
  readonly unit?: string;
  /** 数据收集部门 (品质部, 财务部 …). */
  readonly dataSource?: string;
  /** 目标值 as written in the seed. */
  readonly target?: string;
  readonly quantitative: boolean;
  /** The score's scale: a rule's result runs 0..max (bonus rules ignore it). */
  readonly max: number;
  /** Share within the section when the section combines `weighted` (0.2 for 20%). */
  readonly weight?: number;
  /**
   * Bonus/penalty item: added to the total outside the base, not part of the section score,
   * its max or its weights (出色表现; seed 003's 附加分项).
   */
  readonly bonus?: boolean;
  /** Who rates this indicator; default: the template's roles. */
  readonly roles?: readonly RoleWeight[];
  /**
   * `week`: scored per week and summed into the month (seed 003 每周统计, 全月共4周).
   * Default: the template's period.
   */
  readonly cadence?: 'week';
  readonly rule: Rule;
}

export interface Section {
  readonly id: string;
  readonly name: string;
  /** Share of the total when the total is `weighted` (业绩 0.8, 行为 0.2). */
  readonly weight?: number;
  /**
   * How indicator scores become the section score:
   * - `sum`: Σ points.
   * - `weighted`: Σ weightᵢ × scoreᵢ / maxᵢ × 100 (a 0–100 section; lets a 30-point item
   *   count as its 10% weight, the seeds' "points above a weight").
   * - `average`: mean of scoreᵢ / maxᵢ × 100.
   */
  readonly combine: 'sum' | 'weighted' | 'average';
  readonly indicators: readonly Indicator[];
}

export type TotalDef =
  /** Σ section scores; `outOf` rescales to that many points (a 120-point sheet → 100). */
  | { readonly kind: 'sum'; readonly base?: number; readonly outOf?: number }
  /** Σ sectionᵢ.weight × sectionᵢ score (总分 = 业绩×80% + 行为×20%). */
  | { readonly kind: 'weighted'; readonly base?: number }
  | { readonly kind: 'formula'; readonly formula: string };

/** A grade: the total at or above `min` (above, when not inclusive) gets it; highest first. */
export interface GradeBand {
  readonly label: string;
  /** `null` on the last band: everything else. */
  readonly min: number | null;
  readonly minInclusive: boolean;
  /** Counts as failing for cross-period rules (连续3个月考核不及格). */
  readonly failing?: boolean;
}

/** An extra computed column that is not a score (money: 公共提成). */
export interface OutputDef {
  readonly id: string;
  readonly name: string;
  readonly formula: string;
  readonly unit?: string;
}

/** Rules over consecutive periods, shown as flags on the person. */
export type CrossPeriodRule =
  | { readonly id: string; readonly kind: 'consecutiveRank'; readonly rank: number; readonly periods: number; readonly label: string }
  | { readonly id: string; readonly kind: 'consecutiveFailing'; readonly periods: number; readonly label: string };

export interface Template {
  /** Stable id of the template family; versions share it. */
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** What the sheet is for and how the seed's unclear parts were read. */
  readonly description: string;
  /** Where it came from (seed file and table title) for built-ins. */
  readonly source?: string;
  readonly periodKind: PeriodKind;
  readonly inputs: readonly InputDef[];
  readonly sections: readonly Section[];
  readonly total: TotalDef;
  readonly grades: readonly GradeBand[];
  /** Default rater roles and weights; most sheets have one role (supervisor). */
  readonly roles: readonly RoleWeight[];
  /** Ties share the best rank (1,1,3: `competition`, Excel RANK.EQ) or not (1,1,2: `dense`). */
  readonly rankTies: 'competition' | 'dense';
  readonly outputs?: readonly OutputDef[];
  readonly crossPeriod?: readonly CrossPeriodRule[];
  /** Names of the computed total/grade/rank columns; defaults 总分/等级/排名. */
  readonly labels?: { readonly total?: string; readonly grade?: string; readonly rank?: string };
}

/** Per person, per period: who is assessed (seed 003 and 客服绩效方案 第2条). */
export type PersonStatus =
  /** Scored, graded and ranked. */
  | 'active'
  /** 未到岗累计超过2个月: not assessed, not ranked, not in team averages. */
  | 'leave'
  /** 临时顶岗: in the weekly ranking and team averages, but not assessed (no grade). */
  | 'temporary';

/**
 * A template with nothing in it yet (monthly, summed total, one supervisor, competition ranks),
 * with `parts` laid over it: where a new, an imported and a probing template all start.
 */
export function emptyTemplate(id: string, parts: Partial<Template> = {}): Template {
  return {
    id,
    version: 1,
    name: '',
    description: '',
    periodKind: 'month',
    inputs: [],
    sections: [],
    total: { kind: 'sum' },
    grades: [],
    roles: [{ role: 'supervisor', weight: 1 }],
    rankTies: 'competition',
    ...parts,
  };
}

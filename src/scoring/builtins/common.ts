// Pieces several built-in templates share.
import type { GradeBand, RoleWeight } from '../model';

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

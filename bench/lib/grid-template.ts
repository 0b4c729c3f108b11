// The rating-sheet bench's template: 客户考核评分表 rated 360°-style by three roles, 14 inputs ×
// 3 roles + scores ≈ 63 columns.
import { customerMonthly } from '../../src/scoring/builtins/customer-monthly';
import type { Template } from '../../src/scoring/model';

export const GRID_TEMPLATE: Template = {
  ...customerMonthly,
  id: 'bench.grid',
  name: '基准测试：客户考核评分表(三方评价)',
  roles: [
    { role: 'self', weight: 0.2 },
    { role: 'supervisor', weight: 0.6 },
    { role: 'peer', weight: 0.2 },
  ],
};

// The built-in scorecard templates, one per seed table (see each template's description for how
// the seed was read). Order: the order they are offered in the template gallery.
import type { Template } from '../model';
import { csCapacitySatisfaction } from './cs-capacity-satisfaction';
import { csDeptManagerKpi } from './cs-dept-manager-kpi';
import { csDeptManagerRating } from './cs-dept-manager-rating';
import { csDirector } from './cs-director';
import { csManagerWeighted } from './cs-manager-weighted';
import { csRating } from './cs-rating';
import { csSupervisor } from './cs-supervisor';
import { csWeeklyKpi } from './cs-weekly-kpi';
import { customerMonthly } from './customer-monthly';
import { ecommerceCsQuality } from './ecommerce-cs-quality';
import { manager360 } from './manager-360';
import { mingxuanCsDeptKpi } from './mingxuan-cs-dept-kpi';
import { restaurantWaiter } from './restaurant-waiter';
import { waiter } from './waiter';

export {
  csCapacitySatisfaction,
  csDeptManagerKpi,
  csDeptManagerRating,
  csDirector,
  csManagerWeighted,
  csRating,
  csSupervisor,
  csWeeklyKpi,
  customerMonthly,
  ecommerceCsQuality,
  manager360,
  mingxuanCsDeptKpi,
  restaurantWaiter,
  waiter,
};

/** The template of the example workspace. */
export const EXAMPLE_TEMPLATE: Template = customerMonthly;

export const BUILTIN_TEMPLATES: readonly Template[] = [
  csDeptManagerKpi,
  csDeptManagerRating,
  csManagerWeighted,
  mingxuanCsDeptKpi,
  customerMonthly,
  restaurantWaiter,
  csSupervisor,
  csRating,
  csDirector,
  waiter,
  ecommerceCsQuality,
  csWeeklyKpi,
  manager360,
  csCapacitySatisfaction,
];

const BY_ID: ReadonlyMap<string, Template> = new Map(BUILTIN_TEMPLATES.map((template) => [template.id, template]));

/** The built-in template with this id (`builtin.<slug>`), or undefined. */
export function builtinById(id: string): Template | undefined {
  return BY_ID.get(id);
}

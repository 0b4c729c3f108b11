// A built-in used as it is: copied into the workspace under its own name on first use, found again
// on every later use, in each workspace separately.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import { createTemplate, createWorkspace, listTemplates, useBuiltinTemplate } from '../../../src/store/index';
import { restaurantWaiter, waiter } from '../../../src/scoring/builtins/index';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

it('the first use copies the built-in under its own name; later uses rate with that copy', async () => {
  const workspace = await createWorkspace('测试');
  // A duplicate made for editing ("… 副本") is not the built-in used as it is.
  await createTemplate(workspace.id, { ...restaurantWaiter, id: '', name: `${restaurantWaiter.name} 副本` });
  const first = await useBuiltinTemplate(workspace.id, restaurantWaiter, '使用内置模板');
  expect(first.body.name).toBe('餐厅服务员考核评分表');
  expect(first.body.sections).toEqual(restaurantWaiter.sections);
  expect(first.familyId).not.toBe(restaurantWaiter.id);
  expect(first.changeNote).toBe('使用内置模板');
  const again = await useBuiltinTemplate(workspace.id, restaurantWaiter);
  expect(again.id).toBe(first.id);
  expect((await listTemplates(workspace.id)).map((t) => t.body.name).sort()).toEqual(['餐厅服务员考核评分表', '餐厅服务员考核评分表 副本']);

  // Another built-in, and another workspace, each get their own copy.
  expect((await useBuiltinTemplate(workspace.id, waiter)).id).not.toBe(first.id);
  const other = await createWorkspace('另一个');
  expect((await useBuiltinTemplate(other.id, restaurantWaiter)).id).not.toBe(first.id);
});

import { describe, expect, it } from 'vitest';
import { employeeNoOwner, findTeam } from '../../../../src/ui/rate/roster-rules';

const teams = [
  { id: 't1', name: '客服一组' },
  { id: 't2', name: 'Team B' },
];
const people = [
  { id: 'p1', name: '王芳', employeeNo: 'KF001' },
  { id: 'p2', name: '李娜', employeeNo: 'KF002' },
  { id: 'p3', name: '张伟', employeeNo: '' },
];

describe('the roster rules', () => {
  it('a typed team name finds the team whatever the spaces, width or case', () => {
    expect(findTeam(teams, ' 客服一组 ')?.id).toBe('t1');
    expect(findTeam(teams, 'ｔｅａｍ ｂ')?.id).toBe('t2');
    expect(findTeam(teams, '客服二组')).toBeUndefined();
  });

  it('a 工号 belongs to one person: another one is named, the same person or a blank is fine', () => {
    expect(employeeNoOwner(people, 'kf002', 'p1')?.name).toBe('李娜');
    expect(employeeNoOwner(people, 'KF001', 'p1')).toBeUndefined();
    expect(employeeNoOwner(people, '', 'p1')).toBeUndefined();
  });
});

// 服务员考核评分表 (seed 001): attendance ratio, four direct items, and 出色表现 up to +5.
import type { Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, indicator } from './common';

export const waiter: Template = {
  id: 'builtin.waiter',
  version: 1,
  name: '服务员考核评分表',
  description: [
    '服务员考核:出勤率10分、专业知识20分、服务态度30分、团队合作20分、工作纪律15分,另有出色表现加分最多5分。' +
      '出勤率按原文"实际出勤天数和应出勤天数的比例"计:得分 = MIN(实际出勤天数 ÷ 应出勤天数, 1) × 10(应出勤天数为空时为 #DIV/0!);' +
      '专业知识、服务态度、团队合作、工作纪律由评委直接打0至该项满分。出色表现为加分项,录入的分数限制在0–5分,' +
      '不计入基本分,直接加到总分上。注意原文基本项合计为95分,加上出色表现最多100分;本模板照原文保留,不作折算。' +
      '原文没有等级划分:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格(按含加分的总分);' +
      '按"评委"一个角色(上级)录入;原文未写考核周期,取月度。',
    '',
    'Waiter scorecard: attendance 10, professional knowledge 20, attitude 30, teamwork 20, discipline 15, plus an ' +
      '"outstanding performance" bonus of at most 5. Attendance is the seed\'s ratio of days attended to days due: ' +
      'score = MIN(attended ÷ due, 1) × 10 (a blank "days due" gives #DIV/0!); the other four are scored directly from 0 to ' +
      'their points. The bonus is clamped to 0–5 and added to the total outside the base. The base items add up to 95 in ' +
      'the seed (100 with a full bonus); this is kept as written, not rescaled. No grade bands in the seed: the default ' +
      '≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格 on the total including the bonus. One rater (评委) as the supervisor ' +
      'role; no period in the seed, month is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「服务员考核评分表」',
  periodKind: 'month',
  inputs: [
    { id: 'days_attended', name: '实际出勤天数', type: 'number', min: 0, unit: '天' },
    { id: 'days_due', name: '应出勤天数', type: 'number', min: 0, unit: '天' },
  ],
  sections: [
    {
      id: 'items',
      name: '评分标准',
      combine: 'sum',
      indicators: [
        indicator({
          id: 'attendance',
          name: '出勤率',
          definition: '评估服务员的工作出勤情况。根据实际出勤天数和应出勤天数的比例进行评定,满分为10分。',
          quantitative: true,
          max: 10,
          rule: { kind: 'ratio', actual: '实际出勤天数', target: '应出勤天数', direction: 'higher', cap: 1 },
        }),
        indicator({
          id: 'knowledge',
          name: '专业知识',
          definition: '评估服务员在工作中所要求的专业知识和技能水平。根据领域知识掌握情况、产品知识、工作流程等进行评定,满分为20分。',
          max: 20,
        }),
        indicator({
          id: 'attitude',
          name: '服务态度',
          definition: '评估服务员对顾客的态度和服务质量。根据服务态度、礼貌用语、解决问题的能力等进行评定,满分为30分。',
          max: 30,
        }),
        indicator({
          id: 'teamwork',
          name: '团队合作',
          definition: '评估服务员在团队合作中的表现。根据是否能积极与同事合作、协调沟通等进行评定,满分为20分。',
          max: 20,
        }),
        indicator({
          id: 'discipline',
          name: '工作纪律',
          definition: '评估服务员的工作纪律和服从管理的情况。根据是否迟到早退、是否服从项目安排等进行评定,满分为15分。',
          max: 15,
        }),
        indicator({
          id: 'outstanding',
          name: '出色表现',
          definition: '对服务员的特别表现进行加分评定,根据对困境的解决能力、引领顾客满意度等进行加分,最多可以加5分。',
          max: 5,
          bonus: true,
          rule: { kind: 'bonus', min: 0, max: 5 },
        }),
      ],
    },
  ],
  total: { kind: 'sum' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;

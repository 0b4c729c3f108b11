// 电商客服服务质量考核表 (seed 001): four items × 10 = 40; resolution rate against a 90% target.
import type { Template } from '../model';
import { SUPERVISOR_ONLY, indicator } from './common';

export const ecommerceCsQuality: Template = {
  id: 'builtin.ecommerce-cs-quality',
  version: 1,
  name: '电商客服服务质量考核表',
  description: [
    '电商客服服务质量考核:客户问题解决率、回复时效性、服务态度、培训研究能力四项,每项10分,满分40分,总分为各项之和。' +
      '原文"具体评分标准如下"之后的表格缺失:客户问题解决率按"问题解决率应达到90%以上"读作比率,' +
      '得分 = MIN(问题解决率 ÷ 90%, 1) × 10(达到90%即满分,81%得9分);回复时效性(24小时内回复、紧急问题1小时内)、' +
      '服务态度、培训研究能力(每周参加培训研究)由评分人直接打0–10分。' +
      '等级按原文:30分及以上优秀、20分及以上良好、10分及以上一般、10分以下不合格(≥30、≥20、≥10、其余)。' +
      '按"上级"一个评分角色录入;原文未写考核周期,取月度。',
    '',
    'E-commerce customer-service quality sheet: problem resolution, reply timeliness, attitude, and training/study, ' +
      '10 points each, 40 in all; the total is the sum. The seed\'s scoring table ("具体评分标准如下") is missing: ' +
      'resolution is read from "问题解决率应达到90%以上" as a ratio, score = MIN(resolution rate ÷ 90%, 1) × 10 (90% or more ' +
      'is full marks, 81% gives 9); reply timeliness (within 24 h, urgent within 1 h), attitude and weekly training are ' +
      'rated 0–10 directly. Grades as in the seed: ≥ 30 优秀, ≥ 20 良好, ≥ 10 一般, below 10 不合格. One supervisor ' +
      'rater; no period in the seed, month is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「电商客服服务质量考核表」',
  periodKind: 'month',
  inputs: [{ id: 'resolution_rate', name: '问题解决率', type: 'percent', min: 0, max: 1, description: '在规定时间内解决的客户问题比例' }],
  sections: [
    {
      id: 'items',
      name: '考核内容',
      combine: 'sum',
      indicators: [
        indicator({
          id: 'resolution',
          name: '客户问题解决率',
          definition: '要求客服在规定的时间内解决客户提出的问题,问题解决率应达到90%以上。',
          target: '90%以上',
          quantitative: true,
          max: 10,
          rule: { kind: 'ratio', actual: '问题解决率', target: 0.9, direction: 'higher', cap: 1 },
        }),
        indicator({
          id: 'timeliness',
          name: '回复时效性',
          definition: '要求客服及时回复客户的问题,回复时效性要求在24小时内完成回复,且对于紧急问题需在1小时内回复。',
          max: 10,
        }),
        indicator({
          id: 'attitude',
          name: '服务态度',
          definition: '要求客服具有亲和力,服务态度热情、耐心,对客户有耐心、细致的解答问题。',
          max: 10,
        }),
        indicator({
          id: 'training',
          name: '培训研究能力',
          definition: '要求客服每周参加培训研究,自我提升专业技能和服务水平,不断提高工作效率。',
          max: 10,
        }),
      ],
    },
  ],
  total: { kind: 'sum' },
  grades: [
    { label: '优秀', min: 30, minInclusive: true },
    { label: '良好', min: 20, minInclusive: true },
    { label: '一般', min: 10, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true, failing: true },
  ],
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;

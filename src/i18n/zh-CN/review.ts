// 绩效面谈、员工确认、申诉与绩效系数：面谈页、评分表的流程列、导出的系数列、确认文件、看板的预算核对与打印。
export default {
  'export.calibratedGrade': '校准等级',
  'export.coefficient': '绩效系数',
  'export.payBase': '绩效工资基数',
  'export.pay': '绩效工资',
  'export.coefficientSheet': '绩效系数',
  'export.coefficientGrade': '等级',
  'export.kind.calibratedGrade': '校准等级（值；空白为未校准）',
  'export.kind.coefficient': '绩效系数：按最终等级（有校准等级用校准等级）在“{sheet}”表中查找',
  'export.kind.payBase': '绩效工资基数（值）',
  'export.kind.pay': '绩效工资 = 绩效工资基数 × 绩效系数，四舍五入到分',
  'export.notes': '绩效系数与绩效工资是公式：改“{sheet}”表中的系数或某人的基数，Excel/WPS 会重新计算。',
} as const;

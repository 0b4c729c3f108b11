// Review talks, employee confirmation, appeals and pay coefficients: the review page, the sheet's
// status column, the exported pay columns, confirmation files, the dashboard's budget check, print.
export default {
  'export.calibratedGrade': 'Calibrated grade',
  'export.coefficient': 'Pay coefficient',
  'export.payBase': 'Performance pay base',
  'export.pay': 'Performance pay',
  'export.coefficientSheet': 'Coefficients',
  'export.coefficientGrade': 'Grade',
  'export.kind.calibratedGrade': 'calibrated grade (value; blank when not calibrated)',
  'export.kind.coefficient': 'pay coefficient: the final grade (calibrated if there is one) looked up in the sheet "{sheet}"',
  'export.kind.payBase': 'performance pay base (value)',
  'export.kind.pay': 'performance pay = base × coefficient, rounded to cents',
  'export.notes': 'Pay coefficient and performance pay are formulas: change a coefficient in the sheet "{sheet}" or someone\'s base and Excel or WPS recalculates.',
} as const;

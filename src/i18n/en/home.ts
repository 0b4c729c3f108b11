import type zh from '../zh-CN/home';

export default {
  'example.name': 'Example: Customer Service Team 1',
  'example.reset': 'Reset example',
  'example.resetConfirm': 'Reset the example workspace? All changes in the example will be replaced by the original data (a backup is kept first).',
  'example.resetDone': 'The example workspace was reset',
  'templates.empty': 'Scorecard templates are listed here. Duplicate a built-in one, adjust weights and rules, and see sample people scored beside it as you type.',
  'rate.empty': 'No assessment periods yet. Pick a template under Templates, then create a period to start rating.',
  'dashboard.empty': 'Once a period is rated, grade distribution, rankings and trends appear here.',
  'files.empty': 'Import CSV or Excel files, export scored sheets and rater forms, or back up the whole workspace here.',
  'period.current': 'Current period',
  'period.none': 'none',
} as const satisfies Record<keyof typeof zh, string>;

import type zh from '../zh-CN/drop';

export default {
  'hint': 'Drop a file here, or',
  'hintMany': 'Drop files here (one or more), or',
  'choose': 'choose a file',
  'chooseMany': 'choose files',
  'none': 'No file chosen yet',
  'one': 'Chosen: {name}',
  'many': '{count} files chosen: {names}',
  'refused': 'This file is not of a kind this takes ({accept})',
} as const satisfies Record<keyof typeof zh, string>;

import type zh from '../zh-CN/pages';

export default {
  'files.period': 'Files of the chosen period',
  'files.workspace': 'The whole workspace',
} as const satisfies Record<keyof typeof zh, string>;

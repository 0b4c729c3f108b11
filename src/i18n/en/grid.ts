import type zh from '../zh-CN/grid';

export default {
  'menu.open': '{column}: sort and filter',
  'menu.title': '{column}',
  'sort.asc': 'Sort ascending',
  'sort.desc': 'Sort descending',
  'sort.clear': 'Clear sort',
  'sort.ascShort': ' (ascending)',
  'sort.descShort': ' (descending)',
  'filter.label': 'Filter',
  'filter.hint': 'Text, or >80, <=60, =优秀',
  'filter.clear': 'Clear filter',
  'filter.clearAll': 'Clear all filters',
  'filter.active': ' (filtered)',
  'rows.shown': 'Showing {shown} of {total} rows',
  'cell.label': '{column}, {row}: {value}',
  'cell.empty': 'empty',
  'cell.readOnly': ' (read-only)',
  'editor.label': 'Edit {column}, {row}',
  'keys.help': 'Arrows move, typing replaces, F2 edits, Enter confirms, Esc cancels, Ctrl+C / Ctrl+V copy and paste, Ctrl+D fills down, Ctrl+Z undoes',
} as const satisfies Record<keyof typeof zh, string>;

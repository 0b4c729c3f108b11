import type zh from '../zh-CN/roster';

export default {
  'title': 'People',
  'empty': 'No people yet. Type a name below to add the first colleague, or import a list under Files.',
  'count': '{count} people',
  'employeeNo': 'Employee no.',
  'name': 'Name',
  'team': 'Team',
  'position': 'Position',
  'noTeam': '(no team)',
  'add.title': 'Add a person',
  'add.submit': 'Add',
  'add.nameRequired': 'Please enter a name',
  'added': 'Added {name}',
  'archive': 'Archive',
  'unarchive': 'Restore',
  'archived': 'Archived',
} as const satisfies Record<keyof typeof zh, string>;

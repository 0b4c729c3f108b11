// 人员名单。
export default {
  'title': '人员名单',
  'empty': '还没有人员。在下面输入姓名添加第一位同事，或在“文件”中导入名单。',
  'count': '共 {count} 人',
  'employeeNo': '工号',
  'name': '姓名',
  'team': '团队',
  'position': '岗位',
  'noTeam': '（无团队）',
  'add.title': '添加人员',
  'add.submit': '添加',
  'add.nameRequired': '请填写姓名',
  'added': '已添加 {name}',
  'archive': '归档',
  'unarchive': '恢复',
  'archived': '已归档',
} as const;

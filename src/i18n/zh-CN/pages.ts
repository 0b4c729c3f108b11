// 页面的结构：每页一个一级标题，其下的分组标题。
export default {
  'files.period': '所选周期的文件',
  'files.workspace': '整个工作区',
} as const;

// 各页面的空状态与示例工作区。
export default {
  'example.name': '示例：客服一部',
  'example.reset': '重置示例',
  'example.resetConfirm': '重置示例工作区？示例中的所有修改都会被替换为初始数据（会先自动备份）。',
  'example.resetDone': '示例工作区已重置',
  'templates.empty': '这里会列出考核模板。先从内置模板复制一份，调整权重和评分规则，右侧会即时看到样例人员的得分。',
  'rate.empty': '还没有考核周期。先在“模板”里选好模板，再新建一个考核周期开始评分。',
  'dashboard.empty': '评完一个周期后，这里会显示等级分布、排名和趋势。',
  'files.empty': '在这里导入 CSV 或 Excel 文件、导出评分表和评分表单，或备份整个工作区。',
  'period.current': '当前周期',
  'period.none': '无',
} as const;

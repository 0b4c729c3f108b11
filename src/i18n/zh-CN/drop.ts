// 文件选择框：拖放区域的文字（浏览器自带的“选择文件”随浏览器语言，不随页面语言）。
export default {
  'hint': '把文件拖到这里，或',
  'hintMany': '把文件（可多个）拖到这里，或',
  'choose': '选择文件',
  'chooseMany': '选择文件',
  'none': '尚未选择文件',
  'one': '已选择：{name}',
  'many': '已选择 {count} 个文件：{names}',
  'refused': '这个文件的类型不对（可选：{accept}）',
} as const;

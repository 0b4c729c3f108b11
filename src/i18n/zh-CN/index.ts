// 简体中文 messages, one module per part of the app. Keys are `namespace.key`.
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import grid from './grid';
import rate from './rate';

export default { shell, home, roster, scoring, grid, rate } as const;

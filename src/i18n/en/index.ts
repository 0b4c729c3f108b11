// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import grid from './grid';
import rate from './rate';

export default { shell, home, roster, scoring, grid, rate } as const;

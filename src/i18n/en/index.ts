// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import excel from './excel';

export default { shell, home, roster, scoring, excel } as const;

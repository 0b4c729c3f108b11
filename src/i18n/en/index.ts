// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import studio from './studio';
import excel from './excel';

export default { shell, home, roster, scoring, studio, excel } as const;

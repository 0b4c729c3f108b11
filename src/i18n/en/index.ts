// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';

export default { shell, home, roster, scoring } as const;

// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import files from './files';

export default { shell, home, roster, scoring, files } as const;

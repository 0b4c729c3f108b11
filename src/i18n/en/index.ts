// English messages; each module is checked against its zh-CN twin (same keys, no extras).
import shell from './shell';
import home from './home';
import roster from './roster';
import scoring from './scoring';
import studio from './studio';
import excel from './excel';
import rate from './rate';
import grid from './grid';
import files from './files';
import dashboard from './dashboard';
import print from './print';
import drop from './drop';
import pages from './pages';
import review from './review';

export default { shell, home, roster, scoring, studio, excel, rate, grid, files, dashboard, print, drop, pages, review } as const;

// For the files panels' state: the io worker's jobs run in-process, and messages kept in a list
// instead of shown on the session's line.
import type { IoClient } from '../../../../src/io/client';
import { JOBS } from '../../../../src/io/jobs';
import type { PanelMessages } from '../../../../src/ui/files/report';

export const inProcess: Pick<IoClient, 'run'> = {
  run: (async (job: keyof typeof JOBS, payload: never) => (JOBS[job] as (payload: unknown) => unknown)(payload)) as IoClient['run'],
};

export function recorder(): PanelMessages & { said: string[] } {
  const said: string[] = [];
  return { said, notify: (kind, text) => said.push(`${kind}: ${text}`), fail: (error) => said.push(`failed: ${String(error)}`) };
}

// The io worker: reads, validates and writes files off the page's thread, so a big or hostile
// file never freezes the tab (the page stops this worker after a time limit; see client.ts).
/// <reference lib="webworker" />
import { JOBS } from './jobs';
import type { IoCalls, IoJob, IoRequestMessage, IoResponseMessage } from './protocol';
import type { ExportedFile } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function isExportedFile(value: unknown): value is ExportedFile {
  return typeof value === 'object' && value !== null && 'bytes' in value && value.bytes instanceof ArrayBuffer && 'name' in value;
}

/** Buffers of exported files move to the page instead of being copied. */
function transferables(result: unknown): Transferable[] {
  const list: unknown[] = Array.isArray(result) ? result : [result];
  return list.filter(isExportedFile).map((file) => file.bytes);
}

async function run<K extends IoJob>(message: IoRequestMessage<K>): Promise<IoCalls[K][1]> {
  // TypeScript cannot tie JOBS[job] to the payload of the same job (a correlated union).
  const job = JOBS[message.job] as (payload: IoCalls[K][0]) => IoCalls[K][1] | Promise<IoCalls[K][1]>;
  return job(message.payload);
}

self.addEventListener('message', (event: MessageEvent<IoRequestMessage>) => {
  const message = event.data;
  run(message).then(
    (result) => {
      const response: IoResponseMessage = { id: message.id, ok: true, result };
      self.postMessage(response, transferables(result));
    },
    (error: unknown) => {
      const response: IoResponseMessage = { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      self.postMessage(response);
    },
  );
});

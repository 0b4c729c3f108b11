// The page's side of the io worker: typed requests, transferable buffers, and a watchdog. A job
// that runs past its time limit terminates the worker (the page stays responsive; the next job
// starts a fresh one) and answers with a `timeout` problem instead of hanging.
import { IMPORT_LIMITS } from './limits';
import type { IoCalls, IoJob, IoRequestMessage, IoResponseMessage } from './protocol';
import { fileProblem, type IoProblem } from './problems';

/** The part of a Worker the client uses, so tests can give it a fake one. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<IoResponseMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Why a job gave no result: stopped at the time limit, or the worker died (out of memory). */
export class IoFailure extends Error {
  constructor(readonly problem: IoProblem) {
    super(problem.code);
    this.name = 'IoFailure';
  }
}

export interface IoClient {
  run<K extends IoJob>(job: K, payload: IoCalls[K][0], options?: { readonly timeMs?: number; readonly transfer?: Transferable[]; readonly file?: string }): Promise<IoCalls[K][1]>;
  /** Stop the worker and fail whatever is running. */
  dispose(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout>;
  file: string;
}

export function defaultWorker(): WorkerLike {
  // A module worker bundled by Vite: allowed by the page's CSP (worker-src 'self'), unlike blob: workers.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

export function createIoClient(createWorker: () => WorkerLike = defaultWorker): IoClient {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function stop(problemFor: (file: string) => IoProblem): void {
    worker?.terminate();
    worker = undefined;
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(new IoFailure(problemFor(job.file)));
      pending.delete(id);
    }
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<IoResponseMessage>) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      clearTimeout(job.timer);
      if (message.ok) job.resolve(message.result);
      else job.reject(new Error(message.message));
    });
    const crashed = () => stop((file) => fileProblem('crashed', file));
    created.addEventListener('error', crashed);
    created.addEventListener('messageerror', crashed);
    worker = created;
    return created;
  }

  return {
    run(job, payload, options = {}) {
      const target = ensureWorker();
      const id = nextId++;
      const timeMs = options.timeMs ?? IMPORT_LIMITS.timeMs;
      const file = options.file ?? '';
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => stop((name) => fileProblem('timeout', name, { seconds: Math.round(timeMs / 1000) })), timeMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer, file });
        const message: IoRequestMessage = { id, job, payload };
        target.postMessage(message, options.transfer ?? []);
      });
    },
    dispose() {
      stop((file) => fileProblem('crashed', file));
    },
  };
}

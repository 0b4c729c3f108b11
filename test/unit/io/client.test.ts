// The watchdog: a job past its time limit stops the worker and fails with a timeout problem;
// the next job starts a fresh worker. Runs with a fake worker (Node has no module workers).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIoClient, IoFailure, type WorkerLike } from '../../../src/io/client';
import type { IoRequestMessage, IoResponseMessage } from '../../../src/io/protocol';

interface FakeWorker extends WorkerLike {
  terminated: boolean;
  received: IoRequestMessage[];
  answer(response: IoResponseMessage): void;
  crash(): void;
}

function fakeWorker(): FakeWorker {
  const listeners: Record<string, ((event: never) => void)[]> = {};
  const worker: FakeWorker = {
    terminated: false,
    received: [],
    postMessage(message) {
      worker.received.push(message as IoRequestMessage);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      (listeners[type] ??= []).push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
    answer(response) {
      for (const listener of listeners.message ?? []) listener({ data: response } as never);
    },
    crash() {
      for (const listener of listeners.error ?? []) listener({} as never);
    },
  };
  return worker;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('io client', () => {
  it('passes a job to the worker and resolves with its answer', async () => {
    const workers: FakeWorker[] = [];
    const client = createIoClient(() => {
      workers.push(fakeWorker());
      return workers.at(-1)!;
    });
    const done = client.run('exportCsv', {} as never);
    const [message] = workers[0]!.received;
    expect(message?.job).toBe('exportCsv');
    workers[0]!.answer({ id: message!.id, ok: true, result: { name: 'a.csv', bytes: new ArrayBuffer(1) } });
    await expect(done).resolves.toMatchObject({ name: 'a.csv' });
  });

  it('stops a job that runs past the time limit, and the next job gets a fresh worker', async () => {
    const workers: FakeWorker[] = [];
    const client = createIoClient(() => {
      workers.push(fakeWorker());
      return workers.at(-1)!;
    });
    const slow = client.run('open', {} as never, { timeMs: 5_000, file: '慢.xlsx' });
    const failure = slow.catch((error: unknown) => error);
    vi.advanceTimersByTime(5_001);
    const error = await failure;
    expect(error).toBeInstanceOf(IoFailure);
    expect((error as IoFailure).problem).toEqual({ code: 'timeout', severity: 'error', file: '慢.xlsx', params: { seconds: 5 } });
    expect(workers[0]!.terminated).toBe(true);

    const next = client.run('exportCsv', {} as never);
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ id: workers[1]!.received[0]!.id, ok: true, result: 'ok' });
    await expect(next).resolves.toBe('ok');
  });

  it('a crashed worker fails its jobs with a message instead of hanging', async () => {
    const worker = fakeWorker();
    const client = createIoClient(() => worker);
    const job = client.run('open', {} as never, { file: 'big.xlsx' }).catch((error: unknown) => error);
    worker.crash();
    expect(((await job) as IoFailure).problem.code).toBe('crashed');
  });
});

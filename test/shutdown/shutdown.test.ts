import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runUntilShutdown, startedByNpm, startUntilShutdown, watchShutdown } from '../../src/shutdown.ts';

/** A stand-in for `process`: signals are emitted by the test, the parent pid is set by it. */
function fakeProcess(env: NodeJS.ProcessEnv = {}) {
  const emitter = new EventEmitter();
  return Object.assign(emitter, { ppid: 100, env }) as unknown as Omit<NodeJS.Process, 'ppid'> & EventEmitter & { ppid: number };
}

describe('shutdown', () => {
  it('stops on the first SIGTERM and says so once', async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    const watch = watchShutdown({ process: proc, write: (l) => lines.push(l), watchParent: false });
    proc.emit('SIGTERM', 'SIGTERM');
    expect(await watch.requested).toBe('SIGTERM');
    expect(lines).toEqual(['cyber8k: SIGTERM received, shutting down\n']);
    watch.dispose();
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('takes the Ctrl-C npm forwards right after the terminal\'s as the same request, and a later one as "stop now"', () => {
    const proc = fakeProcess();
    let now = 0;
    const forced: string[] = [];
    const watch = watchShutdown({ process: proc, write: () => {}, now: () => now, onForce: (r) => forced.push(r), watchParent: false });
    proc.emit('SIGINT', 'SIGINT');
    now = 5;
    proc.emit('SIGINT', 'SIGINT'); // npm's copy of the same Ctrl-C
    expect(forced).toEqual([]);
    now = 3000;
    proc.emit('SIGINT', 'SIGINT'); // the user pressing Ctrl-C again
    expect(forced).toEqual(['SIGINT']);
    watch.dispose();
  });

  it('stops when the parent process goes away (the process is re-parented), once', async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    const forced: string[] = [];
    const watch = watchShutdown({ process: proc, write: (l) => lines.push(l), watchParent: true, parentCheckMs: 5, onForce: (r) => forced.push(r), repeatWindowMs: 0 });
    await new Promise((r) => setTimeout(r, 30));
    proc.ppid = 1;
    expect(await watch.requested).toBe('parent exited');
    await new Promise((r) => setTimeout(r, 30));
    expect(lines).toEqual(['cyber8k: the process that started cyber8k exited, shutting down\n']);
    expect(forced).toEqual([]);
    watch.dispose();
  });

  it('watches the parent only when npm or npx started the process', () => {
    expect(startedByNpm({ npm_lifecycle_event: 'start' })).toBe(true);
    expect(startedByNpm({ npm_command: 'exec' })).toBe(true);
    expect(startedByNpm({})).toBe(false);
  });

  it('exits with code 1 when closing hangs past its deadline', async () => {
    const proc = fakeProcess();
    const codes: number[] = [];
    const lines: string[] = [];
    let exited!: () => void;
    const done = new Promise<void>((r) => (exited = r));
    const running = runUntilShutdown(() => done, {
      process: proc,
      watchParent: false,
      write: (l) => lines.push(l),
      closeTimeoutMs: 20,
      exit: (code) => {
        codes.push(code);
        exited();
      },
    });
    proc.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(codes).toEqual([1]);
    expect(lines.at(-1)).toMatch(/shutdown did not finish within 0.02 s/);
  });

  it('a SIGTERM during start-up is heard: the start finishes, then what it started is closed, and nothing exits the process', async () => {
    const proc = fakeProcess();
    const steps: string[] = [];
    const codes: number[] = [];
    let started!: () => void;
    const starting = new Promise<void>((r) => (started = r));
    const running = startUntilShutdown(
      async () => {
        steps.push('start');
        await starting;
        steps.push('started');
        return { close: async () => void steps.push('closed') };
      },
      { process: proc, watchParent: false, write: (l) => steps.push(l), exit: (code) => codes.push(code) },
    );
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    proc.emit('SIGTERM', 'SIGTERM');
    started();
    await running;
    expect(steps).toEqual(['start', 'cyber8k: SIGTERM received, shutting down\n', 'started', 'closed']);
    expect(codes).toEqual([]);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('a start that fails stops watching the signals and throws its error', async () => {
    const proc = fakeProcess();
    const failing = startUntilShutdown(() => Promise.reject(new Error('port 8080 in use')), { process: proc, watchParent: false, write: () => {} });
    await expect(failing).rejects.toThrow('port 8080 in use');
    expect(proc.listenerCount('SIGTERM')).toBe(0);
    expect(proc.listenerCount('SIGINT')).toBe(0);
  });
});

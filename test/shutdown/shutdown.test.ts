import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runUntilShutdown, startedByNpm, watchShutdown } from '../../src/shutdown.ts';

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
});

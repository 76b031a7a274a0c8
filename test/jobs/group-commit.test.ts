import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/jobs/group-commit.ts';

describe('groupCommit', () => {
  it('writes the calls of one turn together, then those made while that write was in flight', async () => {
    const writes: number[][] = [];
    let release: () => void = () => {};
    const write = groupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = [1, 2, 3].map((n) => write(n));
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map((n) => write(n));
    release();
    await Promise.all([...first, ...second]);
    expect(writes).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('fails the callers of a failed write only, and writes later calls again', async () => {
    let fail = true;
    const written: number[] = [];
    const write = groupCommit<number>(async (items) => {
      if (fail) {
        fail = false;
        throw new Error('connection lost');
      }
      written.push(...items);
    });
    const failed = await Promise.allSettled([write(1), write(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await write(3);
    expect(written).toEqual([3]);
  });

  it('splits a long queue into writes of at most the batch size', async () => {
    const sizes: number[] = [];
    const write = groupCommit<number>(async (items) => void sizes.push(items.length), 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => write(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });
});

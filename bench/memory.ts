// `npm run bench:memory`: how much memory cyber8k's processes take on the embedded database —
// a first `migrate` on a new data directory (PostgreSQL's initdb runs), `migrate` again, an idle
// `serve`, and `demo` (the monitor polling the replay server and analyzing what it releases) —
// followed by where an idle `serve` spends it, stage by stage. Figures are printed, never
// asserted. Real processes, measured from /proc (Linux): RSS of the process and every process it
// started, sampled every 50 ms, and each process's peak (VmHWM). With DATABASE_URL set, an idle
// `serve` on that PostgreSQL server is measured too.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/cyber8k.js', import.meta.url));
const STAGES = fileURLToPath(new URL('./memory-stages.ts', import.meta.url));
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const DEMO_SECONDS = Number(args.get('demo-seconds') ?? 60);
const IDLE_SECONDS = Number(args.get('idle-seconds') ?? 10);

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

function status(pid: number): { rssKb: number; hwmKb: number; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM'), ppid: field('PPid') };
  } catch {
    return null; // exited between listing and reading
  }
}

/** The process and everything it started, still running. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = status(Number(entry));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

interface Sampled {
  /** RSS of the whole tree, now. */
  rssKb(): number;
  /** Highest RSS of the tree seen by the sampler. */
  maxTreeKb: number;
  /** Highest VmHWM of any one process of the tree. */
  maxProcessPeakKb: number;
  output: string;
  exited: Promise<number | null>;
  stop(): void;
}

function run(command: string[], env: NodeJS.ProcessEnv): Sampled {
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: '', ...env };
  const child = spawn(process.execPath, command, { env: merged });
  const sampled: Sampled = {
    rssKb: () => tree(child.pid!).reduce((sum, pid) => sum + (status(pid)?.rssKb ?? 0), 0),
    maxTreeKb: 0,
    maxProcessPeakKb: 0,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => child.kill('SIGTERM'),
  };
  child.stdout.on('data', (d) => (sampled.output += d));
  child.stderr.on('data', (d) => (sampled.output += d));
  const timer = setInterval(() => {
    let total = 0;
    for (const pid of tree(child.pid!)) {
      const s = status(pid);
      if (!s) continue;
      total += s.rssKb;
      sampled.maxProcessPeakKb = Math.max(sampled.maxProcessPeakKb, s.hwmKb);
    }
    sampled.maxTreeKb = Math.max(sampled.maxTreeKb, total);
  }, 50);
  void sampled.exited.then(() => clearInterval(timer));
  return sampled;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// `serve` says "API on <url> …"; the demo says "curl '<url>/v1/filings…'".
const apiUrl = (output: string) => /API on (http:\/\/[^\s"]+?)(?: |$)|curl '(http:\/\/[^/']+)\/v1/m.exec(output)?.slice(1).find(Boolean);

async function migrate(dataDir: string, label: string) {
  const started = Date.now();
  const p = run([BIN, 'migrate'], { CYBER8K_DATA_DIR: dataDir });
  const code = await p.exited;
  if (code !== 0) throw new Error(`migrate failed:\n${p.output}`);
  console.log(`${label.padEnd(34)} peak ${mb(p.maxProcessPeakKb)} (one process), ${mb(p.maxTreeKb)} (all its processes at once), ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function serve(dataDir: string, databaseUrl = '') {
  const p = run([BIN, 'serve'], { CYBER8K_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  await until(() => apiUrl(p.output) !== undefined, 120_000, 'serve to listen');
  const url = apiUrl(p.output)!;
  await fetch(`${url}/v1/filings`);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  console.log(`${(databaseUrl ? 'serve on a PostgreSQL server, idle' : 'serve, idle').padEnd(34)} RSS ${mb(p.rssKb())} after ${IDLE_SECONDS} s idle, peak ${mb(p.maxProcessPeakKb)}`);
  p.stop();
  await p.exited;
}

async function demo(dataDir: string) {
  const p = run([BIN, 'demo', '--speed', String(args.get('speed') ?? 20)], { CYBER8K_DATA_DIR: dataDir });
  await until(() => apiUrl(p.output) !== undefined, 120_000, 'the demo to listen');
  const url = apiUrl(p.output)!;
  const samples: number[] = [];
  let analyzed = 0;
  const deadline = Date.now() + DEMO_SECONDS * 1000;
  while (Date.now() < deadline) {
    samples.push(p.rssKb());
    const res = await fetch(`${url}/v1/filings?limit=100`).catch(() => null);
    if (res?.ok) analyzed = ((await res.json()) as { data: Array<{ status: string }> }).data.filter((f) => f.status === 'analyzed').length;
    await new Promise((r) => setTimeout(r, 1000));
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${'demo (start + replay), running'.padEnd(34)} RSS median ${mb(samples[Math.floor(samples.length / 2)]!)}, max ${mb(samples.at(-1)!)} over ${DEMO_SECONDS} s ` +
      `(${analyzed} filings analyzed); peak ${mb(p.maxProcessPeakKb)}`,
  );
  p.stop();
  await p.exited;
}

async function stages(dataDir: string) {
  const p = run(['--import', 'tsx', '--expose-gc', STAGES, dataDir], {});
  if ((await p.exited) !== 0) throw new Error(`memory stages failed:\n${p.output}`);
  console.log('\nwhere an idle serve spends it (one process, RSS after each stage, after a GC):');
  process.stdout.write(p.output);
}

if (!existsSync('/proc/self/status')) {
  console.log('bench:memory reads /proc and runs on Linux only');
  process.exit(0);
}
const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-memory-'));
  dirs.push(dir);
  return dir;
};
try {
  console.log(`Node ${process.version}, ${os.cpus().length} cores; embedded PGlite; RSS from /proc\n`);
  const dataDir = fresh();
  await migrate(dataDir, 'migrate, new data directory');
  await migrate(dataDir, 'migrate, existing data directory');
  await serve(dataDir);
  await demo(fresh());
  // The same API without the embedded database, when a server is at hand.
  if (process.env.DATABASE_URL) await serve(fresh(), process.env.DATABASE_URL);
  await stages(dataDir);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

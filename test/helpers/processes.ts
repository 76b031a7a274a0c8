import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './wait.ts';

const BIN = path.resolve('bin/cyber8k.js');

export interface MonitorProcess {
  proc: ChildProcess;
  /** Log messages (the `msg` of each JSON line) so far. */
  messages: string[];
  /** The JSON log lines so far, whole (a line that is not JSON becomes `{ msg: line }`). */
  records: Array<Record<string, unknown>>;
  output(): string;
  /** The API's base URL, once it listens. */
  url(): Promise<string>;
  exited: Promise<number | null>;
}

/**
 * Runs `cyber8k <command>` as its own process, collecting its JSON log lines. `env` is laid over
 * this process's environment; a key set to undefined is removed (e.g. DATABASE_URL, to run on PGlite
 * even when the test run has a server configured).
 */
export function spawnMonitor(command: string, env: NodeJS.ProcessEnv, args: string[] = []): MonitorProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const proc = spawn(process.execPath, [BIN, command, ...args], { env: merged });
  let raw = '';
  const messages: string[] = [];
  const records: Array<Record<string, unknown>> = [];
  const onData = (chunk: Buffer) => {
    raw += chunk.toString();
    for (;;) {
      const nl = raw.indexOf('\n');
      if (nl < 0) break;
      const line = raw.slice(0, nl);
      raw = raw.slice(nl + 1);
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        record = { msg: line };
      }
      records.push(record);
      messages.push(String(record.msg));
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    messages,
    records,
    output: () => messages.join('\n'),
    exited,
    url: () =>
      waitFor(
        () => messages.map((m) => /API on (http:\/\/\S+?)(?: |$)/.exec(m)?.[1]).find(Boolean),
        60_000,
        `cyber8k ${command} to listen`,
      ),
  };
}

/** Points a cyber8k process at the replay server, with a declared User-Agent and brisk polling. */
export function replayEnv(replayUrl: string): NodeJS.ProcessEnv {
  return {
    EDGAR_USER_AGENT: 'cyber8k tests tests@cyber8k.local',
    EDGAR_WWW_URL: replayUrl,
    EDGAR_DATA_URL: replayUrl,
    EDGAR_EFTS_URL: replayUrl,
    // As in replayMonitorConfig: company profile reads are tested on their own.
    COMPANY_REFRESH_HOURS: '0',
    POLL_INTERVAL_SECONDS: '0.5',
    POLL_OFF_HOURS_INTERVAL_SECONDS: '1',
  };
}

/** Kills every process of the list with SIGKILL, waits for each to exit, and empties the list. */
export async function killAll(processes: MonitorProcess[]): Promise<void> {
  for (const p of processes.splice(0)) {
    p.proc.kill('SIGKILL');
    await p.exited;
  }
}

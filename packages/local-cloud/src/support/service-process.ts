// A child process that serves a local AWS API: its output goes to a log file, it is stopped with
// SIGTERM (SIGKILL after a grace period) by whoever started it, and killed if this process exits first.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServiceProcess {
  readonly pid: number;
  readonly logFile: string;
  isAlive(): boolean;
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export function startServiceProcess(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): ServiceProcess {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`cannot start ${command}`);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  running.add(child);
  installExitHook();
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolveExit) =>
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      log.end();
      resolveExit();
    }),
  );
  return {
    pid: child.pid,
    logFile,
    isAlive: () => !exited,
    async stop(graceMs = 5000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

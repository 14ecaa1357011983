import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { InvalidRunOptionsError, RunnerStartError, SessionClosedError } from './errors';
import { type HiveRunResult, type HiveScriptOptions, hiveArguments, type SessionOptions, sessionArguments } from './options';
import { requireVenvPython, runnerEnvironment } from './paths';

interface Pending {
  resolve: (result: HiveRunResult) => void;
  reject: (error: Error) => void;
}

type Message = {
  id?: number;
  ready?: boolean;
  error?: string;
  sessionStartMs?: number;
  sparkVersion?: string;
  stopped?: boolean;
} & Partial<HiveRunResult>;

/** The command lines a session runs: the Hive CLI's, and spark-sql's (the Hive CLI's plus spark-submit's --conf). */
export const SESSION_PROGRAMS = ['hive', 'spark-sql'] as const;
export type SessionProgram = (typeof SESSION_PROGRAMS)[number];

const LOG_LIMIT = 64 * 1024;

/**
 * How long a Spark session may take to start: several times the slowest start measured under load on a
 * 2-core machine (`pnpm --filter @data-pipeline/local-cloud run bench:starts -- --spark --load 0,3`).
 */
export const SPARK_START_BOUND_MS = 240_000;

/**
 * A long-lived Spark session (one JVM) that runs `hive` and `spark-sql` command lines one after another, each
 * as if it were its own process: its variables, --conf and SET commands do not leak into the next. Starting
 * Spark costs seconds; a session pays that once.
 */
export class HiveSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed: string | undefined;
  private logTail = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly sessionStartMs: number,
    /** The version of the Spark running the session, as `SELECT version()` gives it first (3.5.6, …). */
    readonly sparkVersion: string,
  ) {}

  /** Starts the runner process and waits until Spark is up. */
  static async start(options: SessionOptions & { startTimeoutMs?: number }): Promise<HiveSession> {
    const python = requireVenvPython(options.env);
    const child = spawn(python, ['-m', 'data_pipeline_spark.server', ...sessionArguments(options)], {
      env: runnerEnvironment(options.env),
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const protocol = createInterface({ input: child.stdio[3] as Readable });
    let session: HiveSession | undefined;
    let log = '';
    const keepLog = (chunk: Buffer) => {
      if (session) session.appendLog(chunk.toString('utf8'));
      else log = (log + chunk.toString('utf8')).slice(-LOG_LIMIT);
    };
    child.stdout?.on('data', keepLog);
    child.stderr?.on('data', keepLog);
    const bound = options.startTimeoutMs ?? SPARK_START_BOUND_MS;
    const ready = await new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new RunnerStartError(`waited ${bound} ms for the Spark session of pid ${child.pid} to say it was ready; its log:\n${log}`));
      }, bound);
      child.once('error', (error) => reject(new RunnerStartError(`could not start ${python}: ${error.message}`, { cause: error })));
      child.once('exit', (code) => reject(new RunnerStartError(`the runner exited with ${code} before Spark was ready:\n${log}`)));
      protocol.once('line', (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Message);
      });
    });
    if (!ready.ready) {
      child.kill('SIGKILL');
      throw new RunnerStartError(`the runner refused to start: ${ready.error ?? 'unknown reason'}`);
    }
    session = new HiveSession(child, ready.sessionStartMs ?? 0, ready.sparkVersion ?? '');
    session.appendLog(log);
    protocol.on('line', (line) => session?.receive(JSON.parse(line) as Message));
    child.on('exit', (code, signal) => session?.fail(`the runner exited (${code ?? signal})`));
    return session;
  }

  /** Runs raw Hive CLI arguments (-f/-e, -d, --hivevar, --hiveconf, -i, --database, -v, -S). */
  runCli(args: string[]): Promise<HiveRunResult> {
    return this.runCommand(['hive', ...args]);
  }

  /**
   * Runs a command line as command-runner.jar gets it: the program (`hive` or `spark-sql`), then its arguments.
   * spark-sql's `--conf` settings apply to this run only.
   */
  runCommand(argv: readonly string[]): Promise<HiveRunResult> {
    const [program, ...args] = argv;
    if (!SESSION_PROGRAMS.includes(program as SessionProgram))
      return Promise.reject(
        new InvalidRunOptionsError(`the program must be one of ${SESSION_PROGRAMS.join(', ')} (got ${program ?? 'nothing'})`),
      );
    if (this.closed) return Promise.reject(new SessionClosedError(this.closed));
    const id = this.nextId++;
    return new Promise<HiveRunResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdin as Writable).write(`${JSON.stringify({ id, program, args })}\n`);
    });
  }

  /** Runs a script file or inline HiveQL with its variables. */
  run(options: HiveScriptOptions): Promise<HiveRunResult> {
    return this.runCli(hiveArguments(options));
  }

  /** The last part of what Spark logged (stderr and stdout of the process). */
  log(): string {
    return this.logTail;
  }

  /** Stops Spark and the process; pending runs are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const stdin = this.child.stdin as Writable;
    stdin.write(`${JSON.stringify({ id: 0, stop: true })}\n`);
    stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
    this.fail('closed');
  }

  private appendLog(text: string): void {
    this.logTail = (this.logTail + text).slice(-LOG_LIMIT);
  }

  private receive(message: Message): void {
    if (message.stopped || message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    pending.resolve({
      exitCode: message.exitCode ?? 1,
      stdout: message.stdout ?? '',
      stderr: message.stderr ?? '',
      statements: message.statements ?? [],
    });
  }

  private fail(reason: string): void {
    this.closed ??= reason;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new SessionClosedError(`${reason}\n${this.logTail.slice(-4000)}`));
    }
  }
}

/** Starts a long-lived Spark session; close it when done. */
export function startHiveSession(options: SessionOptions & { startTimeoutMs?: number }): Promise<HiveSession> {
  return HiveSession.start(options);
}

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerStartError } from './errors';
import {
  type HiveRunResult,
  type HiveScriptOptions,
  hiveArguments,
  type SessionOptions,
  type StatementResult,
  sessionArguments,
} from './options';
import { requireVenvPython, runnerEnvironment } from './paths';

export interface CliRunResult extends HiveRunResult {
  /** Milliseconds from process start to a ready Spark session (undefined when it never got that far). */
  sessionStartMs?: number;
}

/**
 * Runs raw Hive CLI arguments (as an EMR step's `hive …` command carries them, without the word `hive`)
 * in a new Spark session, like one `hive` process: resolves with its exit code and output.
 */
export async function runHiveCli(args: string[], session: SessionOptions): Promise<CliRunResult> {
  const python = requireVenvPython(session.env);
  const scratch = await mkdtemp(join(tmpdir(), 'hive-run-'));
  const resultsFile = join(scratch, 'results.json');
  try {
    const child = spawn(python, ['-m', 'data_pipeline_spark.hive', ...sessionArguments(session), '--results', resultsFile, ...args], {
      env: runnerEnvironment(session.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', (error) => reject(new RunnerStartError(`could not start ${python}: ${error.message}`, { cause: error })));
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const document = await readFile(resultsFile, 'utf8').then(
      (text) => JSON.parse(text) as { sessionStartMs: number; statements: StatementResult[] },
      () => undefined,
    );
    return {
      exitCode,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      statements: document?.statements ?? [],
      sessionStartMs: document?.sessionStartMs,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Runs one script (file or inline HiveQL) in a new Spark session: the `hive -f` of this project. */
export async function runHiveScript(options: HiveScriptOptions & SessionOptions): Promise<CliRunResult> {
  return runHiveCli(hiveArguments(options), options);
}

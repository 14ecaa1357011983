// The local Lambda service's execution side: each registered function runs in worker processes of its
// own, loaded from its bundle with exactly its own environment, and kept warm between invocations.
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LambdaInvocationError } from './errors';
import { parseFunctionReference } from './function-arn';

export interface LambdaFunctionConfig {
  name: string;
  /** Path of the bundle (`dist/index.mjs`). */
  bundle: string;
  /** `<file>.<export>`, as Lambda writes it; only the export name matters here. Default `index.handler`. */
  handler?: string;
  environment: Record<string, string>;
  /** Aliases the function answers to, e.g. `live`. */
  aliases?: string[];
  timeoutSeconds?: number;
  memoryMb?: number;
}

export interface LambdaRuntimeOptions {
  region: string;
  /** Folder for one log file per function. */
  logDir: string;
  /** What the runtime itself gives every function (credentials, local endpoints), under the function's own variables. */
  runtimeEnv?: Record<string, string>;
  /** Execution environments per function at most (default 4). */
  maxConcurrency?: number;
}

/** A fault a test injects into the invocations of one function. */
export interface LambdaFault {
  /** The function's name (without alias). */
  functionName: string;
  /**
   * The error Lambda reports: `Lambda.ServiceException` and the like are transient (the workflows
   * retry them), `Sandbox.Timedout` a timeout, any other name a function error.
   */
  errorType: string;
  message: string;
  /** How many invocations it fails. */
  remaining: number;
  /** `start` (default): instead of running the handler. `end`: after the handler ran — its effects happened, its result is lost. */
  phase?: 'start' | 'end';
  /** Only invocations whose event this accepts (default: every one). */
  matches?: (event: unknown) => boolean;
}

export interface InvocationRecord {
  requestId: string;
  functionName: string;
  qualifier?: string;
  startedAt: Date;
  durationMs: number;
  errorType?: string;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  retired?: boolean;
  settle?: (message: WorkerResult | { exited: string }) => void;
}

interface WorkerResult {
  ok: boolean;
  result?: unknown;
  error?: { errorType: string; errorMessage: string; trace: string[] };
}

const workerScript = fileURLToPath(new URL('./worker.mjs', import.meta.url));

export class LambdaRuntime {
  readonly invocations: InvocationRecord[] = [];
  /** Faults to inject, consumed in order (see LambdaFault). */
  readonly faults: LambdaFault[] = [];
  private readonly functions = new Map<string, LambdaFunctionConfig>();
  private readonly pools = new Map<string, Worker[]>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly options: LambdaRuntimeOptions) {
    mkdirSync(options.logDir, { recursive: true });
  }

  /** Registers (or replaces) a function; its warm workers are retired so the next call loads the new bundle. */
  register(config: LambdaFunctionConfig): void {
    this.functions.set(config.name, config);
    this.retire(config.name);
  }

  list(): LambdaFunctionConfig[] {
    return [...this.functions.values()];
  }

  get(name: string): LambdaFunctionConfig | undefined {
    return this.functions.get(name);
  }

  /** Invokes by name or ARN, with or without an alias; rejects with LambdaInvocationError as Lambda reports errors. */
  async invoke(reference: string, event: unknown): Promise<unknown> {
    const parsed = parseFunctionReference(reference);
    const config = parsed ? this.functions.get(parsed.name) : undefined;
    if (!parsed || !config) throw new LambdaInvocationError('ResourceNotFoundException', `Function not found: ${reference}`);
    if (parsed.qualifier && parsed.qualifier !== '$LATEST' && !(config.aliases ?? []).includes(parsed.qualifier)) {
      throw new LambdaInvocationError('ResourceNotFoundException', `Function not found: ${reference} (no alias ${parsed.qualifier})`);
    }
    const requestId = randomUUID();
    const startedAt = new Date();
    const fault = this.takeFault(config.name, event);
    const record: InvocationRecord = { requestId, functionName: config.name, startedAt, durationMs: 0 };
    if (parsed.qualifier) record.qualifier = parsed.qualifier;
    if (fault && fault.phase !== 'end') {
      record.errorType = fault.errorType;
      this.invocations.push(record);
      throw new LambdaInvocationError(fault.errorType, `RequestId: ${requestId} Error: ${fault.message}`);
    }
    const worker = await this.acquire(config);
    try {
      const outcome = await this.run(worker, config, requestId, reference, event);
      if (fault) throw new LambdaInvocationError(fault.errorType, `RequestId: ${requestId} Error: ${fault.message}`);
      if ('exited' in outcome)
        throw new LambdaInvocationError('Runtime.ExitError', `RequestId: ${requestId} Error: Runtime exited ${outcome.exited}`);
      if (!outcome.ok) {
        const error = outcome.error ?? { errorType: 'Error', errorMessage: 'unknown error', trace: [] };
        throw new LambdaInvocationError(error.errorType, error.errorMessage, error.trace);
      }
      return JSON.parse(JSON.stringify(outcome.result ?? null));
    } catch (error) {
      record.errorType = (error as Error).name;
      throw error;
    } finally {
      record.durationMs = Date.now() - startedAt.getTime();
      this.invocations.push(record);
      this.release(config.name, worker);
    }
  }

  private takeFault(name: string, event: unknown): LambdaFault | undefined {
    const fault = this.faults.find(
      (candidate) => candidate.remaining > 0 && candidate.functionName === name && (candidate.matches?.(event) ?? true),
    );
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** Stops every worker of every function. */
  async stop(): Promise<void> {
    const exits = [...this.pools.values()].flat().map((worker) => this.kill(worker));
    this.pools.clear();
    await Promise.all(exits);
  }

  private run(worker: Worker, config: LambdaFunctionConfig, requestId: string, reference: string, event: unknown) {
    const timeoutMs = (config.timeoutSeconds ?? 60) * 1000;
    return new Promise<WorkerResult | { exited: string }>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.settle = undefined;
        void this.kill(worker);
        reject(
          new LambdaInvocationError(
            'Sandbox.Timedout',
            `RequestId: ${requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
          ),
        );
      }, timeoutMs);
      worker.settle = (outcome) => {
        clearTimeout(timer);
        worker.settle = undefined;
        resolve(outcome);
      };
      worker.child.send({
        type: 'invoke',
        requestId,
        event,
        timeoutMs,
        functionName: config.name,
        functionVersion: '$LATEST',
        invokedFunctionArn: reference,
        memoryMb: config.memoryMb ?? 256,
      });
    });
  }

  private async acquire(config: LambdaFunctionConfig): Promise<Worker> {
    for (;;) {
      const pool = this.pools.get(config.name) ?? [];
      this.pools.set(config.name, pool);
      const idle = pool.find(
        (worker) => !worker.busy && !worker.retired && worker.child.exitCode === null && worker.child.signalCode === null,
      );
      const worker = idle ?? (pool.length < (this.options.maxConcurrency ?? 4) ? this.spawn(config, pool) : undefined);
      if (worker) {
        worker.busy = true;
        await worker.ready;
        return worker;
      }
      await new Promise<void>((resolve) => this.waiting.set(config.name, [...(this.waiting.get(config.name) ?? []), resolve]));
    }
  }

  private release(name: string, worker: Worker): void {
    worker.busy = false;
    const queue = this.waiting.get(name) ?? [];
    queue.shift()?.();
  }

  private spawn(config: LambdaFunctionConfig, pool: Worker[]): Worker {
    const logFd = openSync(join(this.options.logDir, `${config.name}.log`), 'a');
    const child = fork(workerScript, [], { env: this.environmentOf(config), stdio: ['ignore', logFd, logFd, 'ipc'], execArgv: [] });
    closeSync(logFd);
    const worker: Worker = { child, busy: false, ready: Promise.resolve() };
    worker.ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (message: { type: string } & WorkerResult) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'result') worker.settle?.(message);
      });
    });
    child.once('exit', (code, signal) => {
      const index = pool.indexOf(worker);
      if (index >= 0) pool.splice(index, 1);
      worker.settle?.({ exited: signal ? `with signal ${signal}` : `with status ${code}` });
      this.release(config.name, worker);
    });
    pool.push(worker);
    return worker;
  }

  private environmentOf(config: LambdaFunctionConfig): NodeJS.ProcessEnv {
    const region = this.options.region;
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TZ: 'UTC',
      LANG: 'en_US.UTF-8',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_LAMBDA_FUNCTION_NAME: config.name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMb ?? 256),
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...this.options.runtimeEnv,
      ...config.environment,
      LOCAL_LAMBDA_BUNDLE: config.bundle,
      LOCAL_LAMBDA_HANDLER_EXPORT: (config.handler ?? 'index.handler').split('.').pop() ?? 'handler',
    };
  }

  private retire(name: string): void {
    for (const worker of this.pools.get(name) ?? []) if (!worker.busy) void this.kill(worker);
  }

  private kill(worker: Worker): Promise<void> {
    worker.retired = true;
    const { child } = worker;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

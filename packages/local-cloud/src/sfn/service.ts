// The local Step Functions service: the JSON 1.0 protocol operations the Lambdas and the operators'
// CLI use, with executions run concurrently by aws-local-stepfunctions.
import { AwsServiceError, validationError } from '../http/aws-error';
import { epochSeconds, type HttpService, type JsonOperation, startJsonService } from '../http/json-service';
import type { LambdaRuntime } from '../lambda/runtime';
import type { MachineDefinition } from './definition';
import { compile, type ExecutionStatus, execute } from './executor';
import { type HistoryEvent, toHistoryEvents } from './history';
import { type ArnContext, assertValidName, executionArn, stateMachineArn } from './names';
import { paginate } from './pagination';

export interface StateMachineRecord {
  arn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: 'STANDARD' | 'EXPRESS';
  creationDate: Date;
  updateDate?: Date;
}

export interface ExecutionRecord {
  arn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  done: Promise<ExecutionRecord>;
  abort(): void;
}

export interface StepFunctionsServiceOptions extends ArnContext {
  lambda: LambdaRuntime;
  /** Wait states and Retry intervals last `timeScale` times their definition (default 1). */
  timeScale?: number;
  port?: number;
}

const MAX_INPUT_BYTES = 256 * 1024;

export class StepFunctionsService {
  readonly machines = new Map<string, StateMachineRecord>();
  readonly executions = new Map<string, ExecutionRecord>();
  private http?: HttpService;

  constructor(private readonly options: StepFunctionsServiceOptions) {}

  async start(): Promise<HttpService> {
    this.http = await startJsonService({
      targetPrefix: 'AWSStepFunctions',
      errorNamespace: 'com.amazonaws.sfn',
      protocol: '1.0',
      operations: this.operations(),
      port: this.options.port,
    });
    return this.http;
  }

  /** Stops the HTTP server and aborts running executions. */
  async stop(): Promise<void> {
    for (const execution of this.executions.values()) if (execution.status === 'RUNNING') execution.abort();
    await this.http?.close();
  }

  operations(): Record<string, JsonOperation> {
    return {
      CreateStateMachine: (input) => this.createStateMachine(input),
      UpdateStateMachine: (input) => this.updateStateMachine(input),
      DeleteStateMachine: (input) => {
        this.machine(input.stateMachineArn);
        this.machines.delete(input.stateMachineArn);
        return {};
      },
      ListStateMachines: (input) => {
        const all = [...this.machines.values()].sort((a, b) => a.name.localeCompare(b.name));
        const { page, nextToken } = paginate(all, input.maxResults, input.nextToken);
        return {
          stateMachines: page.map((m) => ({
            stateMachineArn: m.arn,
            name: m.name,
            type: m.type,
            creationDate: epochSeconds(m.creationDate),
          })),
          nextToken,
        };
      },
      DescribeStateMachine: (input) => {
        const m = this.machine(input.stateMachineArn);
        return {
          stateMachineArn: m.arn,
          name: m.name,
          status: 'ACTIVE',
          definition: m.definition,
          roleArn: m.roleArn,
          type: m.type,
          creationDate: epochSeconds(m.creationDate),
        };
      },
      StartExecution: (input) => this.startExecution(input),
      DescribeExecution: (input) => {
        const e = this.execution(input.executionArn);
        return {
          executionArn: e.arn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: epochSeconds(e.startDate),
          stopDate: e.stopDate ? epochSeconds(e.stopDate) : undefined,
          input: e.input,
          inputDetails: { included: true },
          output: e.output,
          outputDetails: e.output === undefined ? undefined : { included: true },
          error: e.error,
          cause: e.cause,
        };
      },
      ListExecutions: (input) => {
        this.machine(input.stateMachineArn);
        const filter = input.statusFilter as ExecutionStatus | undefined;
        if (filter && !['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'].includes(filter)) {
          throw validationError(`statusFilter ${filter} is not a valid execution status`);
        }
        const all = [...this.executions.values()]
          .filter((e) => e.stateMachineArn === input.stateMachineArn && (!filter || e.status === filter))
          .sort((a, b) => b.startDate.getTime() - a.startDate.getTime() || b.arn.localeCompare(a.arn));
        const { page, nextToken } = paginate(all, input.maxResults, input.nextToken);
        return {
          executions: page.map((e) => ({
            executionArn: e.arn,
            stateMachineArn: e.stateMachineArn,
            name: e.name,
            status: e.status,
            startDate: epochSeconds(e.startDate),
            stopDate: e.stopDate ? epochSeconds(e.stopDate) : undefined,
          })),
          nextToken,
        };
      },
      StopExecution: (input) => {
        const e = this.execution(input.executionArn);
        if (e.status === 'RUNNING') {
          e.status = 'ABORTED';
          e.stopDate = new Date();
          e.error = input.error;
          e.cause = input.cause;
          e.abort();
        }
        return { stopDate: epochSeconds(e.stopDate ?? new Date()) };
      },
      GetExecutionHistory: (input) => {
        const e = this.execution(input.executionArn);
        const events = input.reverseOrder ? [...e.events].reverse() : e.events;
        const { page, nextToken } = paginate(events, input.maxResults, input.nextToken);
        return { events: page, nextToken };
      },
    };
  }

  private createStateMachine(input: { name: string; definition: string; roleArn: string; type?: string }) {
    assertValidName(input.name, 'state machine');
    const definition = this.parseDefinition(input.definition);
    if (!input.roleArn) throw validationError('roleArn is required');
    const arn = stateMachineArn(this.options, input.name);
    const existing = this.machines.get(arn);
    if (existing) {
      if (existing.definition === input.definition && existing.roleArn === input.roleArn)
        return { stateMachineArn: arn, creationDate: epochSeconds(existing.creationDate) };
      throw new AwsServiceError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    void definition;
    const record: StateMachineRecord = {
      arn,
      name: input.name,
      definition: input.definition,
      roleArn: input.roleArn,
      type: input.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
      creationDate: new Date(),
    };
    this.machines.set(arn, record);
    return { stateMachineArn: arn, creationDate: epochSeconds(record.creationDate) };
  }

  private updateStateMachine(input: { stateMachineArn: string; definition?: string; roleArn?: string }) {
    const m = this.machine(input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined)
      throw new AwsServiceError('MissingRequiredParameter', 'definition or roleArn is required');
    if (input.definition !== undefined) {
      this.parseDefinition(input.definition);
      m.definition = input.definition;
    }
    if (input.roleArn !== undefined) m.roleArn = input.roleArn;
    m.updateDate = new Date();
    return { updateDate: epochSeconds(m.updateDate) };
  }

  private startExecution(input: { stateMachineArn: string; name?: string; input?: string }) {
    const machine = this.machine(input.stateMachineArn);
    const name = input.name ?? crypto.randomUUID();
    assertValidName(name, 'execution');
    const text = input.input ?? '{}';
    if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw new AwsServiceError('InvalidExecutionInput', 'input exceeds 262144 bytes');
    let parsedInput: unknown;
    try {
      parsedInput = JSON.parse(text);
    } catch {
      throw new AwsServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${text.slice(0, 100)}'`);
    }
    const arn = executionArn(this.options, machine.name, name);
    const existing = this.executions.get(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === text)
        return { executionArn: arn, startDate: epochSeconds(existing.startDate) };
      throw new AwsServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const startDate = new Date();
    const record = {
      arn,
      stateMachineArn: machine.arn,
      name,
      input: text,
      status: 'RUNNING',
      startDate,
      events: [],
    } as unknown as ExecutionRecord;
    const running = execute({
      definition: JSON.parse(machine.definition) as MachineDefinition,
      input: parsedInput,
      lambda: this.options.lambda,
      timeScale: this.options.timeScale ?? 1,
      context: {
        Execution: { Id: arn, Input: parsedInput as never, Name: name, RoleArn: machine.roleArn, StartTime: startDate.toISOString() },
        StateMachine: { Id: machine.arn, Name: machine.name },
      } as never,
      onEvent: (event) => {
        for (const history of toHistoryEvents(event as never, machine.roleArn)) {
          const id = record.events.length + 1;
          record.events.push({ ...history, id, previousEventId: id - 1 } as HistoryEvent);
        }
      },
    });
    record.abort = running.abort;
    record.done = running.outcome.then((outcome) => {
      if (record.status === 'RUNNING') {
        record.status = outcome.status;
        record.stopDate = new Date();
        if (outcome.output !== undefined) record.output = JSON.stringify(outcome.output);
        if (outcome.error !== undefined) record.error = outcome.error;
        if (outcome.cause !== undefined) record.cause = outcome.cause;
      }
      return record;
    });
    this.executions.set(arn, record);
    return { executionArn: arn, startDate: epochSeconds(startDate) };
  }

  private parseDefinition(text: unknown): MachineDefinition {
    if (typeof text !== 'string') throw validationError('definition is required');
    let definition: MachineDefinition;
    try {
      definition = JSON.parse(text) as MachineDefinition;
      compile(definition);
    } catch (error) {
      throw new AwsServiceError('InvalidDefinition', `Invalid State Machine Definition: '${(error as Error).message}'`);
    }
    return definition;
  }

  private machine(arn: unknown): StateMachineRecord {
    if (typeof arn !== 'string' || !/^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:.+$/.test(arn))
      throw new AwsServiceError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    const machine = this.machines.get(arn);
    if (!machine) throw new AwsServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  private execution(arn: unknown): ExecutionRecord {
    if (typeof arn !== 'string' || !/^arn:aws[\w-]*:states:[\w-]+:\d{12}:execution:.+:.+$/.test(arn))
      throw new AwsServiceError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    const execution = this.executions.get(arn);
    if (!execution) throw new AwsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  }
}

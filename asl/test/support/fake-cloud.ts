// A small AWS for the workflows: the Lambdas answering as their contracts say (docs/ARCHITECTURE.md), over an in-memory
// EMR (clusters, steps, fleets), Step Functions (child executions), SNS and state file. Events are
// validated with @data-pipeline/core's own schemas, so a definition sending the wrong shape fails.
// Status answers follow a scenario; faults make a Lambda throw a named error.
//
// One of three emulations of AWS, each for its own tests:
// - this fake cloud: the definitions' own logic — every branch, retry, catch and poll, with any answer a
//   Lambda may give (or one outside its contract), in milliseconds;
// - real-lambdas.ts extends it: the same in-memory world, the real handlers in the Tasks — the
//   definitions and the handlers agree on events and results;
// - packages/local-cloud: the real wire, the bundles, Spark and the S3 server — what runs end to end
//   (packages/local's tests and the local mode).
// The three share their fixtures: the model's declarations and sample files (sampleCsv), core's test
// config.ini, and the references of every caller (environmentReferences).
import {
  anyEvent,
  checkDuplicateExecutionEvent,
  checkLandedFilesEvent,
  clearClusterId,
  clusterEvent,
  executionEvent,
  messageEvent,
  parseEvent,
  ResourceNotFoundError,
  readClusterId,
  stageLandedFilesEvent,
  stepEvent,
  submitCommandEvent,
  submitStateMachineEvent,
  workerResizeEvent,
  writeClusterId,
} from '@data-pipeline/core';
import type { LambdaName } from '../../src/lambda-names';
import type { WorkflowReferences } from '../../src/references';
import { placeholderStateMachineArn } from '../../src/sample-references';
import { buildWorkflows, type WorkflowDefinitions } from '../../src/workflows/index';
import type { WorkflowId } from '../../src/workflows/registry';
import { type RunResult, runDefinition } from './runner';
import { MemoryS3, STATE_FILE } from './state-file';

export type ClusterStatus = 'STARTING' | 'STARTED' | 'STOPPED';
export type StepStatus = 'SUBMITTED' | 'SUCCESS' | 'ERROR';
export type ResizeStatus = 'ADDING' | 'SUCCESS' | 'ERROR';
export type StageStatus = 'STAGED' | 'EMPTY' | 'LOADED';
export type Answers<T> = T[];

/** What stage-landed-files answers for a table: its Status (any string, to test answers outside the contract) and Notice. */
export interface StageAnswer {
  Status: StageStatus | (string & {});
  Notice?: string;
  /** How many landed files it quarantined (default 0). */
  quarantined?: number;
}

export interface Fault {
  lambda: LambdaName;
  /** Only in this Task state (default: any). */
  state?: string;
  when?: (input: Record<string, unknown>) => boolean;
  error: { name: string; message: string };
  /** How many invocations fail (default: all). */
  times?: number;
  /** The Lambda does its work first, then fails (a timeout after its AWS call went through). */
  after?: boolean;
}

/** What status-emr answers as Reason for a stopped cluster. */
export const STOPPED_REASON = 'TERMINATED_WITH_ERRORS: BOOTSTRAP_FAILURE: bootstrap action 1 failed';

export interface Scenario {
  /** status-emr while the cluster starts; the last answer repeats. Default STARTING, STARTED. */
  clusterStart?: Answers<ClusterStatus>;
  /** status-emr after terminate-emr. Default STARTED, STOPPED. */
  clusterStop?: Answers<ClusterStatus>;
  clusterOfSameNameRunning?: boolean;
  /** status-step-emr for a step. Default SUBMITTED, SUCCESS. */
  step?: (command: { Step_Name: string; Cmd_Run: string }) => Answers<StepStatus>;
  /** stage-landed-files for a table; the last answer repeats. Default STAGED without a notice. */
  staging?: (table: string) => Answers<StageAnswer>;
  /** status-add-worker-instances-emr. Default ADDING, SUCCESS. */
  resize?: Answers<ResizeStatus>;
  /** With an ERROR resize: the fleet ended RUNNING with this many workers (spot capacity unavailable). */
  resizeShortfall?: number;
  /** status-stepfunction answers RUNNING this many times before the outcome. Default 1. */
  childPolls?: number;
  /** Child executions: 'run' runs their definitions here; otherwise each ends with the given status (default SUCCESS). */
  children?: 'run' | Partial<Record<WorkflowId, string>>;
  anotherMasterRunning?: boolean;
  /** check-landed-files's Status (any string, to test answers outside the contract). Default FOUND. */
  landed?: 'FOUND' | 'NOTHING' | (string & {});
  /** What reading the state file back answers after a write (a mismatch makes write-state-info answer FAIL). */
  stateFileReadBack?: string;
  faults?: Fault[];
}

export interface Invocation {
  workflow: WorkflowId;
  lambda: LambdaName;
  state: string;
  input: unknown;
}

interface Queue<T> {
  answers: T[];
}
export interface FakeCluster {
  id: string;
  name: string;
  state: 'STARTING' | 'RUNNING' | 'TERMINATING' | 'TERMINATED';
  startedAt: number;
  terminatedAt?: number;
  start: Queue<ClusterStatus>;
  stop: Queue<ClusterStatus>;
}
export interface FakeStep {
  id: string;
  clusterId: string;
  name: string;
  args: string[];
  submittedAt: number;
  answers: Queue<StepStatus>;
}
export interface FakeExecution {
  arn: string;
  workflow: WorkflowId;
  input: Record<string, unknown>;
  polls: number;
  result?: Promise<RunResult>;
}

export const CLUSTER_NAME = 'data-pipeline-test';

export class FakeCloud {
  readonly definitions: WorkflowDefinitions;
  readonly invocations: Invocation[] = [];
  readonly clusters: FakeCluster[] = [];
  readonly steps: FakeStep[] = [];
  readonly executions: FakeExecution[] = [];
  readonly messages: Array<{ Subject?: string; Message: unknown }> = [];
  readonly s3 = new MemoryS3();
  protected resizeAnswers: Queue<ResizeStatus>;
  private readonly stageAnswers = new Map<string, Queue<StageAnswer>>();
  private readonly lambdaByResource: Map<string, LambdaName>;
  private readonly workflowByArn: Map<string, WorkflowId>;
  private faultsUsed = new Map<Fault, number>();
  /** Wait states wait their Seconds (the benchmark runs under a simulated clock). */
  protected realWaits = false;

  constructor(
    readonly refs: WorkflowReferences,
    readonly scenario: Scenario = {},
  ) {
    this.definitions = buildWorkflows(refs);
    this.lambdaByResource = new Map(Object.entries(refs.lambdas).map(([name, arn]) => [arn, name as LambdaName]));
    this.workflowByArn = new Map(Object.entries(refs.stateMachines).map(([workflow, arn]) => [arn, workflow as WorkflowId]));
    this.resizeAnswers = { answers: [...(scenario.resize ?? ['ADDING', 'SUCCESS'])] };
    this.s3.readBackOverride = undefined;
    if (scenario.clusterOfSameNameRunning) this.addCluster('RUNNING');
  }

  /** Runs a workflow to its end (child executions it starts may still be running: see `settled`). */
  run(workflow: WorkflowId, input: Record<string, unknown> = {}, executionArn = executionArnOf(workflow, 'test-run')): Promise<RunResult> {
    return runDefinition(
      this.definitions[workflow],
      input,
      (resource) => this.lambdaOf(resource),
      (lambda, event, state) => this.invoke(workflow, lambda, event, state),
      executionArn,
      this.realWaits,
    );
  }

  /** Waits for every child execution started so far (and those they start). */
  async settled(): Promise<Array<{ workflow: WorkflowId; input: Record<string, unknown>; result: RunResult }>> {
    let count = -1;
    while (count !== this.executions.length) {
      count = this.executions.length;
      await Promise.all(this.executions.map((execution) => execution.result));
    }
    return Promise.all(
      this.executions
        .filter((execution) => execution.result)
        .map(async (execution) => ({
          workflow: execution.workflow,
          input: execution.input,
          result: (await execution.result) as RunResult,
        })),
    );
  }

  /** Seeds the state file as Launch would have left it. */
  givenRunningCluster(): FakeCluster {
    const cluster = this.addCluster('RUNNING');
    this.s3.put(STATE_FILE.bucket, STATE_FILE.key, cluster.id);
    return cluster;
  }

  calls(lambda: LambdaName): Invocation[] {
    return this.invocations.filter((invocation) => invocation.lambda === lambda);
  }

  /** The workflows started through submit-stepfunction, in order. */
  started(): WorkflowId[] {
    return this.calls('submit-stepfunction').map((call) =>
      this.workflowOf((call.input as { nextStateMachineArn: string }).nextStateMachineArn),
    );
  }

  lambdaOf(resource: string): LambdaName {
    const lambda = this.lambdaByResource.get(resource);
    if (!lambda) throw new Error(`no Lambda has the ARN ${resource}`);
    return lambda;
  }

  async invoke(workflow: WorkflowId, lambda: LambdaName, input: unknown, state: string): Promise<unknown> {
    this.invocations.push({ workflow, lambda, state, input: structuredClone(input) });
    const fault = this.fault(lambda, state, input);
    if (fault && !fault.after) throw fault.thrown;
    const answer = await this.answer(lambda, input);
    if (fault) throw fault.thrown;
    return answer;
  }

  // Behaviour over time, overridable (the benchmark answers from a simulated clock).
  protected clusterStartStatus(cluster: FakeCluster): ClusterStatus {
    return next(cluster.start);
  }
  protected clusterStopStatus(cluster: FakeCluster): ClusterStatus {
    return next(cluster.stop);
  }
  protected stepStatus(step: FakeStep): StepStatus {
    return next(step.answers);
  }
  protected resizeStatus(): ResizeStatus {
    return next(this.resizeAnswers);
  }
  protected now(): number {
    return Date.now();
  }

  protected async answer(lambda: LambdaName, input: unknown): Promise<unknown> {
    switch (lambda) {
      case 'check-duplicate-emr': {
        parseEvent(lambda, anyEvent, input);
        const active = this.clusters.filter((c) => c.name === CLUSTER_NAME && (c.state === 'STARTING' || c.state === 'RUNNING'));
        return { Status: active.length > 0 ? 'RUNNING' : 'NOTRUNNING', ClusterIds: active.map((c) => c.id) };
      }
      case 'launch-emr': {
        parseEvent(lambda, anyEvent, input);
        return { ClusterId: this.addCluster('STARTING').id, Status: 'STARTING' };
      }
      case 'status-emr': {
        const cluster = this.cluster(parseEvent(lambda, clusterEvent, input).ClusterId);
        const status = this.clusterStatus(cluster);
        return status === 'STOPPED'
          ? { ClusterId: cluster.id, Status: status, Reason: STOPPED_REASON }
          : { ClusterId: cluster.id, Status: status };
      }
      case 'write-state-info-to-s3': {
        const { ClusterId } = parseEvent(lambda, clusterEvent, input);
        this.s3.readBackOverride = this.scenario.stateFileReadBack;
        try {
          const ok = await writeClusterId(this.s3.client(), STATE_FILE, ClusterId);
          return { ClusterId, Status: ok ? 'SUCCESS' : 'FAIL' };
        } finally {
          this.s3.readBackOverride = undefined;
        }
      }
      case 'read-state-info-from-s3':
        parseEvent(lambda, anyEvent, input);
        return { ClusterId: await readClusterId(this.s3.client(), STATE_FILE) };
      case 'remove-state-info-from-s3': {
        parseEvent(lambda, anyEvent, input);
        const { previous } = await clearClusterId(this.s3.client(), STATE_FILE);
        return { Status: 'CLEARED', ClusterId: previous ?? null };
      }
      case 'submit-cmd-run-step-emr': {
        const event = parseEvent(lambda, submitCommandEvent, input);
        const cluster = this.cluster(event.ClusterId);
        if (!event.NextStepNameAndCmd) throw new Error('the fake has no Step_Name/Cmd_Run environment fallback');
        if (cluster.state !== 'RUNNING')
          throw Object.assign(new Error(`cluster ${cluster.id} is ${cluster.state}`), { name: 'ValidationException' });
        const { Step_Name, Cmd_Run } = event.NextStepNameAndCmd;
        const step: FakeStep = {
          id: `s-STEP${this.steps.length + 1}`,
          clusterId: cluster.id,
          name: Step_Name,
          args: Cmd_Run.split(/\s+/).filter(Boolean),
          submittedAt: this.now(),
          answers: { answers: [...(this.scenario.step?.({ Step_Name, Cmd_Run }) ?? ['SUBMITTED', 'SUCCESS'])] },
        };
        this.steps.push(step);
        return { ClusterId: cluster.id, StepId: step.id, Status: 'SUBMITTED' };
      }
      case 'status-step-emr': {
        const event = parseEvent(lambda, stepEvent, input);
        const step = this.steps.find((s) => s.id === event.StepId && s.clusterId === event.ClusterId);
        if (!step) throw new ResourceNotFoundError(`EMR step ${event.StepId} does not exist on ${event.ClusterId}`);
        return { ClusterId: step.clusterId, StepId: step.id, Status: this.stepStatus(step) };
      }
      case 'add-worker-instances-emr': {
        const cluster = this.cluster(parseEvent(lambda, clusterEvent, input).ClusterId);
        return { ClusterId: cluster.id, WorkerInstanceFleetId: 'if-WORKERS1', TargetTotalWorkers: 6, Status: 'ADDING' };
      }
      case 'status-add-worker-instances-emr': {
        const event = parseEvent(lambda, workerResizeEvent, input);
        this.cluster(event.ClusterId);
        const { ClusterId, WorkerInstanceFleetId, TargetTotalWorkers } = event;
        const status = this.resizeStatus();
        const shortfall = status === 'ERROR' && this.scenario.resizeShortfall !== undefined;
        return {
          ClusterId,
          WorkerInstanceFleetId,
          TargetTotalWorkers,
          Status: status,
          ...(shortfall ? { CapacityShortfall: { ProvisionedWorkers: this.scenario.resizeShortfall } } : {}),
        };
      }
      case 'terminate-emr': {
        const cluster = this.cluster(parseEvent(lambda, clusterEvent, input).ClusterId);
        if (cluster.state !== 'TERMINATED') {
          cluster.state = 'TERMINATING';
          cluster.terminatedAt ??= this.now();
        }
        return { ClusterId: cluster.id, Status: 'STOPPING' };
      }
      case 'submit-stepfunction':
        return this.startExecution(parseEvent(lambda, submitStateMachineEvent, input));
      case 'status-stepfunction':
        return this.executionStatus(parseEvent(lambda, executionEvent, input).executionArn);
      case 'check-duplicate-stepfunction': {
        const event = parseEvent(lambda, checkDuplicateExecutionEvent, input);
        if (!event.currentStepName) throw new Error('the fake has no currentStepName environment fallback');
        return { Status: this.scenario.anotherMasterRunning ? 'RUNNING' : 'NOTRUNNING' };
      }
      case 'send-msg-sns': {
        const event = parseEvent(lambda, messageEvent, input);
        this.messages.push({ Subject: event.Subject, Message: event.Message });
        return { MessageId: `msg-${this.messages.length}` };
      }
      case 'stage-landed-files':
        return this.stage(parseEvent(lambda, stageLandedFilesEvent, input));
      case 'check-landed-files': {
        const event = parseEvent(lambda, checkLandedFilesEvent, input);
        const declared = [...this.refs.tables.dimension, ...this.refs.tables.fact].map((table) => table.stage);
        if (JSON.stringify(event.Tables) !== JSON.stringify(declared))
          throw new Error(`check-landed-files got ${JSON.stringify(event.Tables)}, not the declared tables ${JSON.stringify(declared)}`);
        const Status = this.scenario.landed ?? 'FOUND';
        const Tables = declared.map(({ Table }) => ({ Table, Landed: Status === 'FOUND' ? 1 : 0, Staged: 0 }));
        const Landed = Tables.reduce((sum, table) => sum + table.Landed, 0);
        return { Status, Landed, Staged: 0, Tables, ...(Status === 'NOTHING' ? { Notice: 'Nothing to load: no file has landed.' } : {}) };
      }
      case 'delete-all-objects-in-s3folder':
        throw new Error('no workflow deletes folders');
    }
  }

  /** stage-landed-files's answer (StageResult of @data-pipeline/stage-landed-files) for a table the references declare. */
  protected stage(event: { Bucket: string; Table: string; RunId?: string }) {
    const table = [...this.refs.tables.dimension, ...this.refs.tables.fact].find((t) => t.table === event.Table);
    if (!table) throw Object.assign(new Error(`table ${event.Table} is not declared`), { name: 'UnknownTableError' });
    if (event.Bucket !== table.stage.Bucket) throw new Error(`${event.Table} is staged in ${table.stage.Bucket}, not ${event.Bucket}`);
    if (!event.RunId) throw new Error('the workflows pass their execution name as RunId');
    let queue = this.stageAnswers.get(table.table);
    if (!queue) {
      queue = { answers: [...(this.scenario.staging?.(table.table) ?? [{ Status: 'STAGED' }])] };
      this.stageAnswers.set(table.table, queue);
    }
    const answer = next(queue);
    const staged = answer.Status === 'STAGED' || answer.Status === 'LOADED' ? 1 : 0;
    const quarantined = answer.quarantined ?? 0;
    return {
      Table: table.table,
      Status: answer.Status,
      Staged: staged,
      Moved: answer.Status === 'STAGED' ? 1 : 0,
      Quarantined: Array.from({ length: quarantined }, (_, index) => ({
        File: `bad-${index + 1}.csv`,
        Key: `quarantine/${event.RunId}/bad-${index + 1}.csv`,
        Problems: [{ Line: 2, Reason: 'has 1 column(s), expected 2' }],
        ProblemCount: 1,
      })),
      QuarantinedCount: quarantined,
      ...(answer.Notice === undefined ? {} : { Notice: answer.Notice }),
    };
  }

  /** A step on a running cluster (EMR refuses steps on a cluster that is not running). */
  protected addStep(clusterId: string, name: string, args: string[]): FakeStep {
    const cluster = this.cluster(clusterId);
    if (cluster.state !== 'RUNNING')
      throw Object.assign(new Error(`cluster ${cluster.id} is ${cluster.state}`), { name: 'ValidationException' });
    const command = { Step_Name: name, Cmd_Run: args.join(' ') };
    const step: FakeStep = {
      id: `s-STEP${this.steps.length + 1}`,
      clusterId: cluster.id,
      name,
      args,
      submittedAt: this.now(),
      answers: { answers: [...(this.scenario.step?.(command) ?? ['SUBMITTED', 'SUCCESS'])] },
    };
    this.steps.push(step);
    return step;
  }

  /** What status-emr would answer now (moving the cluster on as the scenario says). */
  protected clusterStatus(cluster: FakeCluster): ClusterStatus {
    if (cluster.state === 'STARTING') {
      const status = this.clusterStartStatus(cluster);
      if (status === 'STARTED') cluster.state = 'RUNNING';
      if (status === 'STOPPED') cluster.state = 'TERMINATED';
      return status;
    }
    if (cluster.state === 'TERMINATING') {
      const status = this.clusterStopStatus(cluster);
      if (status === 'STOPPED') cluster.state = 'TERMINATED';
      return status;
    }
    return cluster.state === 'RUNNING' ? 'STARTED' : 'STOPPED';
  }

  protected startExecution(event: { nextStateMachineArn?: string } & Record<string, unknown>, name = `run-${this.executions.length + 1}`) {
    if (!event.nextStateMachineArn) throw new Error('the fake has no stateMachineArn environment fallback');
    const workflow = this.workflowOf(event.nextStateMachineArn);
    const arn = `${event.nextStateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const execution: FakeExecution = { arn, workflow, input: event, polls: 0 };
    if (this.scenario.children === 'run') execution.result = this.run(workflow, event, arn);
    this.executions.push(execution);
    return { executionArn: arn, Status: 'SUBMITTED' };
  }

  protected async executionStatus(arn: string): Promise<{ executionArn: string; Status: string }> {
    const execution = this.executions.find((e) => e.arn === arn);
    if (!execution) throw new ResourceNotFoundError(`execution ${arn} does not exist`);
    execution.polls += 1;
    if (execution.polls <= (this.scenario.childPolls ?? 1)) return { executionArn: arn, Status: 'RUNNING' };
    if (execution.result) return { executionArn: arn, Status: (await execution.result).status === 'SUCCEEDED' ? 'SUCCESS' : 'ERROR' };
    const scripted = this.scenario.children === 'run' ? undefined : this.scenario.children?.[execution.workflow];
    return { executionArn: arn, Status: scripted ?? 'SUCCESS' };
  }

  private workflowOf(arn: string): WorkflowId {
    const workflow = this.workflowByArn.get(arn);
    if (!workflow) throw new ResourceNotFoundError(`state machine ${arn} does not exist`);
    return workflow;
  }

  protected addCluster(state: FakeCluster['state']): FakeCluster {
    const cluster: FakeCluster = {
      id: `j-CLUSTER${this.clusters.length + 1}`,
      name: CLUSTER_NAME,
      state,
      startedAt: this.now(),
      start: { answers: [...(this.scenario.clusterStart ?? ['STARTING', 'STARTED'])] },
      stop: { answers: [...(this.scenario.clusterStop ?? ['STARTED', 'STOPPED'])] },
    };
    this.clusters.push(cluster);
    return cluster;
  }

  protected cluster(id: string): FakeCluster {
    const cluster = this.clusters.find((c) => c.id === id);
    if (!cluster) throw new ResourceNotFoundError(`EMR cluster ${id} does not exist`);
    return cluster;
  }

  /** The fault this invocation meets, if any, with the error it throws. */
  private fault(lambda: LambdaName, state: string, input: unknown): { after: boolean; thrown: Error } | undefined {
    for (const fault of this.scenario.faults ?? []) {
      if (fault.lambda !== lambda || (fault.state && fault.state !== state)) continue;
      if (fault.when && !fault.when(input as Record<string, unknown>)) continue;
      const used = this.faultsUsed.get(fault) ?? 0;
      if (used >= (fault.times ?? Number.POSITIVE_INFINITY)) continue;
      this.faultsUsed.set(fault, used + 1);
      return { after: fault.after === true, thrown: Object.assign(new Error(fault.error.message), { name: fault.error.name }) };
    }
    return undefined;
  }
}

/** The ARN of an execution of one of the placeholder state machines. */
export function executionArnOf(workflow: WorkflowId, name: string): string {
  return `${placeholderStateMachineArn(workflow).replace(':stateMachine:', ':execution:')}:${name}`;
}

/** The next scripted answer; the last one repeats. */
function next<T>(queue: Queue<T>): T {
  const answer = queue.answers.length > 1 ? queue.answers.shift() : queue.answers[0];
  if (answer === undefined) throw new Error('a scripted answer list is empty');
  return answer;
}

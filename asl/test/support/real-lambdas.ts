// The fake AWS of fake-cloud.ts one level down: the Tasks run the real Lambda handlers
// (@data-pipeline/<name>), whose SDK clients are mocked (aws-sdk-client-mock) to answer from the
// same in-memory clusters, steps, executions, topic and S3 (the state file, and the lake folders
// stage-landed-files reads and moves). The handlers read a valid config.ini from the mocked S3 and
// the environment variables a deployed function gets. An s3-dist-cp step moves the objects of its
// --src folder to its --dest folder when it succeeds, as EMR's would.
//
// Its purpose among the three emulations (fake-cloud.ts lists them): that each definition sends each
// handler an event it takes and reads only fields its result has, in-process and in seconds, which the
// fake cloud (contracts written down) cannot tell and the local cloud (bundles, JVMs) tells in minutes.
import {
  AddJobFlowStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  EMRClient,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListInstancesCommand,
  ModifyInstanceFleetCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
} from '@aws-sdk/client-emr';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { handler as addWorkerInstancesEmr } from '@data-pipeline/add-worker-instances-emr';
import { handler as checkDuplicateEmr } from '@data-pipeline/check-duplicate-emr';
import { handler as checkDuplicateStepfunction } from '@data-pipeline/check-duplicate-stepfunction';
import { handler as checkLandedFiles } from '@data-pipeline/check-landed-files';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { handler as launchEmr } from '@data-pipeline/launch-emr';
import { handler as readStateInfoFromS3 } from '@data-pipeline/read-state-info-from-s3';
import { handler as removeStateInfoFromS3 } from '@data-pipeline/remove-state-info-from-s3';
import { handler as sendMsgSns } from '@data-pipeline/send-msg-sns';
import { handler as stageLandedFiles } from '@data-pipeline/stage-landed-files';
import { handler as statusAddWorkerInstancesEmr } from '@data-pipeline/status-add-worker-instances-emr';
import { handler as statusEmr } from '@data-pipeline/status-emr';
import { handler as statusStepEmr } from '@data-pipeline/status-step-emr';
import { handler as statusStepfunction } from '@data-pipeline/status-stepfunction';
import { handler as submitCmdRunStepEmr } from '@data-pipeline/submit-cmd-run-step-emr';
import { handler as submitStepfunction } from '@data-pipeline/submit-stepfunction';
import { handler as terminateEmr } from '@data-pipeline/terminate-emr';
import { handler as writeStateInfoToS3 } from '@data-pipeline/write-state-info-to-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { LambdaName } from '../../src/lambda-names';
import { PLACEHOLDER_BUCKET, placeholderStateMachineArn } from '../../src/sample-references';
import { WORKFLOW_IDS, type WorkflowId } from '../../src/workflows/registry';
import { type ClusterStatus, FakeCloud, type FakeCluster, type FakeStep, type StepStatus } from './fake-cloud';
import type { RunResult } from './runner';
import { STATE_FILE } from './state-file';

const HANDLERS: Partial<Record<LambdaName, (event: unknown) => Promise<unknown>>> = {
  'add-worker-instances-emr': addWorkerInstancesEmr,
  'check-duplicate-emr': checkDuplicateEmr,
  'check-duplicate-stepfunction': checkDuplicateStepfunction,
  'check-landed-files': checkLandedFiles,
  'launch-emr': launchEmr,
  'read-state-info-from-s3': readStateInfoFromS3,
  'remove-state-info-from-s3': removeStateInfoFromS3,
  'send-msg-sns': sendMsgSns,
  'stage-landed-files': stageLandedFiles,
  'status-add-worker-instances-emr': statusAddWorkerInstancesEmr,
  'status-emr': statusEmr,
  'status-step-emr': statusStepEmr,
  'status-stepfunction': statusStepfunction,
  'submit-cmd-run-step-emr': submitCmdRunStepEmr,
  'submit-stepfunction': submitStepfunction,
  'terminate-emr': terminateEmr,
  'write-state-info-to-s3': writeStateInfoToS3,
};

export const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:data-pipeline-notifications';

/** The SDK mocks the handlers' clients answer through (for assertions on the calls made). */
export const emr = mockClient(EMRClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const sns = mockClient(SNSClient);

const EMR_STATE: Record<ClusterStatus, string> = { STARTING: 'BOOTSTRAPPING', STARTED: 'WAITING', STOPPED: 'TERMINATED' };
const LISTED_STATE: Record<FakeCluster['state'], string> = {
  STARTING: 'STARTING',
  RUNNING: 'WAITING',
  TERMINATING: 'TERMINATING',
  TERMINATED: 'TERMINATED',
};
const STEP_STATE = { SUBMITTED: 'RUNNING', SUCCESS: 'COMPLETED', ERROR: 'FAILED' } as const;
const EXECUTION_STATUS: Record<string, string> = { RUNNING: 'RUNNING', SUCCESS: 'SUCCEEDED', ERROR: 'FAILED' };
/** Workers running when the cluster is up: the test config.ini's 2 on-demand and 2 spot. */
const RUNNING_WORKERS = 4;
const ON_DEMAND_WORKERS = 2;

interface Run {
  arn: string;
  workflow: WorkflowId;
  startDate: Date;
  done: boolean;
}

export class RealLambdaCloud extends FakeCloud {
  readonly runs: Run[] = [];
  private resize: { clusterId: string; target: number } | undefined;
  private readonly copied = new Set<string>();

  /** Call in beforeEach: the environment, config.ini and SDK mocks answering from this cloud. */
  install(): this {
    for (const mock of [emr, s3, sfn, sns]) mock.reset();
    givenLambdaEnvironment(s3, {
      env: {
        State_Info_File_S3_Bucket: STATE_FILE.bucket,
        State_Info_File_S3_Key: STATE_FILE.key,
        TopicArn: TOPIC_ARN,
        Subject: 'data-pipeline',
      },
    });
    // The state file and the lake are in the same work-area bucket (config.ini is in another).
    const workArea = { Bucket: STATE_FILE.bucket };
    if (STATE_FILE.bucket !== PLACEHOLDER_BUCKET) throw new Error('the state file is expected in the work-area bucket');
    s3.on(GetObjectCommand, workArea).callsFake((input) => this.s3.getObject(input));
    s3.on(PutObjectCommand, workArea).callsFake((input) => this.s3.putObject(input));
    s3.on(DeleteObjectCommand, workArea).callsFake((input) => this.s3.deleteObject(input));
    s3.on(HeadObjectCommand, workArea).callsFake((input) => this.s3.headObject(input));
    s3.on(CopyObjectCommand, workArea).callsFake((input) => this.s3.copyObject(input));
    s3.on(ListObjectsV2Command, workArea).callsFake((input) => this.s3.listObjectsV2(input));
    this.installEmr();
    this.installSfn();
    sns.on(PublishCommand).callsFake((input) => {
      if (input.TopicArn !== TOPIC_ARN) throw Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' });
      this.messages.push({ Subject: input.Subject, Message: input.Message });
      return { MessageId: `msg-${this.messages.length}` };
    });
    return this;
  }

  override async run(workflow: WorkflowId, input: Record<string, unknown> = {}, executionArn?: string): Promise<RunResult> {
    const arn = executionArn ?? `${placeholderStateMachineArn(workflow).replace(':stateMachine:', ':execution:')}:test-run`;
    const run: Run = { arn, workflow, startDate: new Date(), done: false };
    this.runs.push(run);
    try {
      return await super.run(workflow, input, arn);
    } finally {
      run.done = true;
    }
  }

  /** The step's status; an s3-dist-cp step moves its objects the first time it answers SUCCESS. */
  protected override stepStatus(step: FakeStep): StepStatus {
    const status = super.stepStatus(step);
    if (status === 'SUCCESS' && step.args[0] === 's3-dist-cp' && !this.copied.has(step.id)) {
      this.copied.add(step.id);
      this.distCp(step.args);
    }
    return status;
  }

  /** `s3-dist-cp --src s3://b/a --dest s3://b/c --deleteOnSuccess`: every object under a/ to the same path under c/. */
  private distCp(args: string[]): void {
    const location = (flag: string) => {
      const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(args[args.indexOf(flag) + 1] ?? '');
      if (!match?.[1] || !match[2]) throw new Error(`s3-dist-cp ${flag} is not an s3:// folder: ${args.join(' ')}`);
      return { bucket: match[1], prefix: `${match[2]}/` };
    };
    const src = location('--src');
    const dest = location('--dest');
    for (const key of this.s3.keys(src.bucket, src.prefix)) {
      this.s3.put(dest.bucket, `${dest.prefix}${key.slice(src.prefix.length)}`, this.s3.objects.get(`${src.bucket}/${key}`) ?? '');
      if (args.includes('--deleteOnSuccess')) this.s3.deleteObject({ Bucket: src.bucket, Key: key });
    }
  }

  protected override async answer(lambda: LambdaName, input: unknown): Promise<unknown> {
    const handler = HANDLERS[lambda];
    if (!handler) throw new Error(`no workflow invokes ${lambda}`);
    return handler(structuredClone(input));
  }

  private installEmr(): void {
    const unknown = (id: string) => Object.assign(new Error(`Cluster id '${id}' is not valid.`), { name: 'InvalidRequestException' });
    const cluster = (id: string | undefined) => {
      const found = this.clusters.find((c) => c.id === id);
      if (!found) throw unknown(String(id));
      return found;
    };
    emr.on(RunJobFlowCommand).callsFake((input) => {
      const launched = this.addCluster('STARTING');
      launched.name = input.Name ?? '';
      return { JobFlowId: launched.id };
    });
    emr.on(ListClustersCommand).callsFake((input) => ({
      Clusters: this.clusters
        .filter((c) => (input.ClusterStates ?? []).includes(LISTED_STATE[c.state] as never))
        .map((c) => ({ Id: c.id, Name: c.name, Status: { State: LISTED_STATE[c.state] } })),
    }));
    emr.on(DescribeClusterCommand).callsFake((input) => {
      const found = cluster(input.ClusterId);
      return { Cluster: { Id: found.id, Name: found.name, Status: { State: EMR_STATE[this.clusterStatus(found)] } } };
    });
    emr.on(TerminateJobFlowsCommand).callsFake((input) => {
      for (const id of input.JobFlowIds ?? []) {
        const found = cluster(id);
        if (found.state !== 'TERMINATED') found.state = 'TERMINATING';
      }
      return {};
    });
    emr.on(AddJobFlowStepsCommand).callsFake((input) => {
      cluster(input.JobFlowId);
      const [step] = input.Steps ?? [];
      if (step?.HadoopJarStep?.Jar !== 'command-runner.jar') throw new Error('only command-runner.jar steps are expected');
      return { StepIds: [this.addStep(String(input.JobFlowId), step.Name ?? '', step.HadoopJarStep.Args ?? []).id] };
    });
    emr.on(DescribeStepCommand).callsFake((input) => {
      const step = this.steps.find((s) => s.id === input.StepId && s.clusterId === input.ClusterId);
      if (!step) throw Object.assign(new Error(`Step id '${input.StepId}' is not valid.`), { name: 'InvalidRequestException' });
      return { Step: { Id: step.id, Name: step.name, Status: { State: STEP_STATE[this.stepStatus(step)] } } };
    });
    emr.on(ListInstanceFleetsCommand).callsFake((input) => {
      cluster(input.ClusterId);
      return {
        InstanceFleets: [
          { Id: 'if-MASTER1', InstanceFleetType: 'MASTER', Status: { State: 'RUNNING' }, ProvisionedOnDemandCapacity: 1 },
          { Id: 'if-WORKERS1', InstanceFleetType: 'CORE', ...this.coreFleet(String(input.ClusterId)) },
        ],
      };
    });
    emr.on(ListInstancesCommand).callsFake((input) => {
      cluster(input.ClusterId);
      return { Instances: Array.from({ length: RUNNING_WORKERS }, (_, index) => ({ Id: `ci-${index}`, Status: { State: 'RUNNING' } })) };
    });
    emr.on(ModifyInstanceFleetCommand).callsFake((input) => {
      const fleet = input.InstanceFleet;
      this.resize = {
        clusterId: cluster(input.ClusterId).id,
        target: (fleet?.TargetOnDemandCapacity ?? 0) + (fleet?.TargetSpotCapacity ?? 0),
      };
      return {};
    });
  }

  /** The CORE fleet: steady before a resize; afterwards each look moves the resize on as the scenario says. */
  private coreFleet(clusterId: string) {
    const steady = {
      Status: { State: 'RUNNING' },
      ProvisionedOnDemandCapacity: ON_DEMAND_WORKERS,
      ProvisionedSpotCapacity: RUNNING_WORKERS - ON_DEMAND_WORKERS,
    };
    if (this.resize?.clusterId !== clusterId) return steady;
    const status = this.resizeStatus();
    if (status === 'ADDING') return { ...steady, Status: { State: 'RESIZING' } };
    if (status === 'ERROR') return steady;
    return { ...steady, ProvisionedSpotCapacity: this.resize.target - ON_DEMAND_WORKERS };
  }

  private installSfn(): void {
    const machines = WORKFLOW_IDS.map((workflow) => ({
      name: `data-pipeline-${workflow}`,
      stateMachineArn: placeholderStateMachineArn(workflow),
    }));
    sfn.on(ListStateMachinesCommand).callsFake(() => ({
      stateMachines: machines.map((machine) => ({ ...machine, type: 'STANDARD', creationDate: new Date(0) })),
    }));
    sfn.on(ListExecutionsCommand).callsFake((input) => {
      const running = this.runs.filter((run) => !run.done && placeholderStateMachineArn(run.workflow) === input.stateMachineArn);
      const earlier =
        this.scenario.anotherMasterRunning && input.stateMachineArn === placeholderStateMachineArn('master')
          ? [
              {
                executionArn: `${placeholderStateMachineArn('master').replace(':stateMachine:', ':execution:')}:earlier`,
                startDate: new Date(0),
              },
            ]
          : [];
      return {
        executions: [...earlier, ...running.map((run) => ({ executionArn: run.arn, startDate: run.startDate }))].map((execution) => ({
          ...execution,
          stateMachineArn: input.stateMachineArn,
          name: execution.executionArn.split(':').at(-1),
          status: 'RUNNING',
        })),
      };
    });
    sfn.on(StartExecutionCommand).callsFake((input) => {
      const event = { ...JSON.parse(input.input ?? '{}'), nextStateMachineArn: input.stateMachineArn };
      const { executionArn } = this.startExecution(event, input.name);
      return { executionArn, startDate: new Date() };
    });
    sfn.on(DescribeExecutionCommand).callsFake(async (input) => {
      const { Status } = await this.executionStatus(String(input.executionArn));
      return { executionArn: input.executionArn, status: EXECUTION_STATUS[Status], startDate: new Date() };
    });
  }
}

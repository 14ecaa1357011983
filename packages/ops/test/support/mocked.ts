// A context on mocked SDK clients (aws-sdk-client-mock), with the environment's state machines listed.
import { EMRClient } from '@aws-sdk/client-emr';
import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import { s3TextBody } from '@data-pipeline/core/testing';
import { type EnvironmentName, getEnvironment, s3Layout, stateMachineName } from '@data-pipeline/model';
import { mockClient } from 'aws-sdk-client-mock';
import { createContext, type OpsContext } from '../../src/context';

export const ACCOUNT = '111122223333';

export function arnOf(env: EnvironmentName, workflow: WorkflowId): string {
  return `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:${stateMachineName(getEnvironment(env), workflow)}`;
}

export function mockedAws() {
  const sfn = mockClient(SFNClient);
  const emr = mockClient(EMRClient);
  const s3 = mockClient(S3Client);
  return { sfn, emr, s3 };
}

export type MockedAws = ReturnType<typeof mockedAws>;

export function givenStateMachines(mocks: MockedAws, env: EnvironmentName): void {
  mocks.sfn.on(ListStateMachinesCommand).resolves({
    stateMachines: WORKFLOW_IDS.map((id) => ({
      name: stateMachineName(getEnvironment(env), id),
      stateMachineArn: arnOf(env, id),
      type: 'STANDARD',
      creationDate: new Date(0),
    })),
  });
}

export function givenStateFile(mocks: MockedAws, env: EnvironmentName, clusterId: string | undefined): void {
  const request = { Bucket: getEnvironment(env).bucket, Key: s3Layout.stateFileKey };
  if (clusterId === undefined) {
    mocks.s3.on(GetObjectCommand, request).rejects(
      new S3ServiceException({
        name: 'NoSuchKey',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'The specified key does not exist.',
      }),
    );
  } else mocks.s3.on(GetObjectCommand, request).resolves({ Body: s3TextBody(clusterId) });
}

export interface Printed {
  lines: string[];
  info: string[];
}

export function mockedContext(
  env: EnvironmentName,
  overrides: Partial<Parameters<typeof createContext>[0]> = {},
): OpsContext & { printed: Printed } {
  const printed: Printed = { lines: [], info: [] };
  const ctx = createContext({
    env: getEnvironment(env),
    clients: {
      sfn: new SFNClient({ region: 'us-east-1' }),
      emr: new EMRClient({ region: 'us-east-1' }),
      s3: new S3Client({ region: 'us-east-1' }),
    },
    out: { json: false, line: (text) => printed.lines.push(text), info: (text) => printed.info.push(text) },
    sleep: async () => {},
    pollMs: 1,
    now: () => new Date('2026-12-01T18:00:00Z'),
    ...overrides,
  });
  return Object.assign(ctx, { printed });
}

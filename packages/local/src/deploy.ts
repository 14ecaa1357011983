// Deploys the local environment onto the local services, as `cdktf deploy` does on AWS: the bucket and
// its tree, config.ini, the HiveQL scripts, the topic, the eighteen functions with the environment
// variables the infrastructure gives them, every state machine of the registry with local ARNs, and the tables.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, type SFNClient, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { buildWorkflows, environmentReferences, renderDefinitionJson, WORKFLOW_IDS } from '@data-pipeline/asl';
import { renderConfigIni } from '@data-pipeline/core';
import type { LocalCloud } from '@data-pipeline/local-cloud';
import {
  configIniSections,
  functionName,
  hiveDdlPath,
  hiveDefineArguments,
  hiveScriptKey,
  hiveScriptPath,
  hiveScriptVariables,
  LAMBDA_ALIAS,
  LAMBDA_NAMES,
  lambdaEnvironment,
  notificationSubject,
  resourceName,
  s3Layout,
  stateMachineName,
  tablePrefixes,
  tables,
  topicName,
} from '@data-pipeline/model';
import type { LocalNames } from './environment';
import { LocalModeError } from './errors';
import { repoPath } from './paths';

export interface DeployClients {
  s3: S3Client;
  sfn: SFNClient;
  sns: SNSClient;
}

export interface DeployReport {
  bucket: string;
  topicArn: string;
  functions: string[];
  stateMachines: string[];
  tablesCreated: boolean;
}

export async function deployLocal(
  cloud: LocalCloud,
  clients: DeployClients,
  names: LocalNames,
  log: (line: string) => void = () => {},
): Promise<DeployReport> {
  const { env, bucket } = names;
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
    if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
  });
  for (const prefix of [s3Layout.landingRoot, s3Layout.stageRoot, s3Layout.warehouseRoot, s3Layout.archiveRoot, s3Layout.quarantineRoot]) {
    await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix, Body: Buffer.alloc(0) }));
  }
  await clients.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: s3Layout.configIniKey, Body: renderConfigIni(configIniSections(env)) }),
  );
  for (const table of tables) {
    await clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: hiveScriptKey(table), Body: readFileSync(repoPath(hiveScriptPath(table))) }),
    );
    // Each table's folders exist, as its Glue location does on AWS (Spark, unlike Hive, will not write into a missing one).
    const prefixes = tablePrefixes(table);
    for (const prefix of Object.values(prefixes)) {
      await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix, Body: Buffer.alloc(0) }));
    }
  }
  log(`bucket s3://${bucket}: zones, config.ini and ${tables.length} HiveQL scripts`);

  const { TopicArn } = await clients.sns.send(new CreateTopicCommand({ Name: topicName(env) }));
  for (const email of env.notifications.emails)
    await clients.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: email }));
  const topicArn = TopicArn ?? names.topicArn;

  for (const lambda of LAMBDA_NAMES) {
    const bundle = repoPath(`packages/lambdas/${lambda}/dist/index.mjs`);
    if (!existsSync(bundle)) throw new LocalModeError(`the bundle of ${lambda} is missing (${bundle}): run \`pnpm build\``);
    cloud.lambda.register({
      name: functionName(env, lambda),
      bundle,
      handler: 'index.handler',
      environment: lambdaEnvironment(lambda, { bucket, topicArn, subject: notificationSubject(env) }),
      aliases: [LAMBDA_ALIAS],
      timeoutSeconds: 120,
    });
  }
  log(`${LAMBDA_NAMES.length} functions from their bundles, alias ${LAMBDA_ALIAS}`);

  const definitions = buildWorkflows(
    environmentReferences({ env, lambdaArn: names.functionArn, stateMachineArn: names.stateMachineArn, bucket }),
  );
  const roleArn = `arn:aws:iam::${names.account}:role/${resourceName(env, 'states')}`;
  for (const workflow of WORKFLOW_IDS) {
    const definition = renderDefinitionJson(definitions[workflow]);
    const stateMachineArn = names.stateMachineArn(workflow);
    await clients.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition, roleArn })).catch(async (error: Error) => {
      if (error.name !== 'StateMachineDoesNotExist') throw error;
      await clients.sfn.send(new CreateStateMachineCommand({ name: stateMachineName(env, workflow), definition, roleArn }));
    });
  }
  log(`${WORKFLOW_IDS.length} state machines`);

  const tablesCreated = await createTables(cloud, names);
  log(
    tablesCreated
      ? `staging and warehouse tables created in ${cloud.layout.metastore}`
      : 'staging and warehouse tables already in the metastore',
  );
  return {
    bucket,
    topicArn,
    functions: LAMBDA_NAMES.map((lambda) => functionName(env, lambda)),
    stateMachines: WORKFLOW_IDS.map((id) => stateMachineName(env, id)),
    tablesCreated,
  };
}

/**
 * Every table's folders exist, as its Glue location does on AWS: Spark, unlike Hive, will neither read
 * nor overwrite a table whose location has no object at all.
 */
export async function ensureTableFolders(s3: S3Client, bucket: string): Promise<void> {
  for (const table of tables) {
    const prefixes = tablePrefixes(table);
    for (const prefix of Object.values(prefixes)) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix, Body: Buffer.alloc(0) }));
    }
  }
}

/** Runs each table's generated DDL on the catalog engine, once per DDL content and metastore. */
async function createTables(cloud: LocalCloud, names: LocalNames): Promise<boolean> {
  const scripts = tables.map((table) => ({
    table,
    ddl: readFileSync(repoPath(hiveDdlPath(table)), 'utf8'),
    variables: hiveScriptVariables(names.env, table, names.bucket),
  }));
  const digest = createHash('sha256').update(JSON.stringify(scripts)).digest('hex');
  const stamp = join(cloud.layout.metastore, `data-pipeline-ddl-${names.env.name}.sha256`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) return false;
  const engine = await cloud.catalogEngine();
  for (const { table, variables } of scripts) {
    const result = await engine.runCli(['-f', repoPath(hiveDdlPath(table)), ...hiveDefineArguments(variables)]);
    if (result.exitCode !== 0) throw new LocalModeError(`the DDL of ${table.name} failed:\n${result.stderr.slice(-2000)}`);
  }
  mkdirSync(cloud.layout.metastore, { recursive: true });
  writeFileSync(stamp, `${digest}\n`);
  return true;
}

// `npm run local` and `pnpm local <command>`: the pipeline on this machine, on the local AWS services.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListClustersCommand } from '@aws-sdk/client-emr';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { readDaemonState, remoteServices, removeDaemonState, startControl, writeDaemonState } from './daemon';
import { localNames } from './environment';
import { filesFromArguments, sampleFiles } from './land';
import { cloudDir, repoPath } from './paths';
import { resetLake, runPipeline } from './pipeline';
import { startAndDeploy } from './session';
import { formatTable, seconds } from './table-format';

const USAGE = `usage: pnpm local <command>

  (no command)     the whole pipeline once: start the services, deploy, land the sample files in an
                   emptied lake, run the Master, report, stop (this is \`npm run local\`)
  up               start the services, deploy, and keep them running in the background
  down             stop the services started by \`up\`
  run [files…]     land the sample files (or the files given: <table>=<file>, or a file in a folder
                   named after its table) and run the Master, following it live
  query "<SQL>"    Spark SQL over the warehouse and staging tables, printed as a table
  status           the services, the cluster, recent executions
  dashboard [--port <port>]
                   a web page on 127.0.0.1 with the runs, the cluster, the data and the notifications
                   of the services \`up\` runs (@data-pipeline/dashboard), until Ctrl-C
`;

const print = (line: string) => process.stdout.write(`${line}\n`);

async function pipeline(): Promise<number> {
  const session = await startAndDeploy({ print });
  try {
    const deleted = await resetLake(session.services, session.names.bucket);
    if (deleted) print(`emptied the data zones of the lake (${deleted} objects)`);
    return await runAndReport(session.services, session.names, sampleFiles());
  } finally {
    await session.cloud.stop();
  }
}

async function runAndReport(
  services: Parameters<typeof runPipeline>[0],
  names: ReturnType<typeof localNames>,
  files: ReturnType<typeof sampleFiles>,
): Promise<number> {
  const result = await runPipeline(services, names, { files, print });
  print('');
  print(result.report);
  print('');
  if (result.ok) print(`OK: the Master succeeded and the warehouse holds exactly the landed data.`);
  else print(`FAILED: ${result.problems.join('; ')}`);
  return result.ok ? 0 : 1;
}

async function run(args: string[]): Promise<number> {
  const files = args.length ? filesFromArguments(args) : sampleFiles();
  const state = readDaemonState();
  if (state) return runAndReport(remoteServices(state), localNames(), files);
  const session = await startAndDeploy({ print });
  try {
    return await runAndReport(session.services, session.names, files);
  } finally {
    await session.cloud.stop();
  }
}

async function up(): Promise<number> {
  const running = readDaemonState();
  if (running) {
    print(
      `already up (pid ${running.pid}): S3 ${running.endpoints.s3}, Step Functions ${running.endpoints.sfn}, EMR ${running.endpoints.emr}, SNS ${running.endpoints.sns}`,
    );
    return 0;
  }
  mkdirSync(join(cloudDir(), 'logs'), { recursive: true });
  const log = openSync(join(cloudDir(), 'logs', 'local-up.log'), 'a');
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'serve'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: process.env,
  });
  child.unref();
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const state = readDaemonState();
    if (state) {
      print(`up (pid ${state.pid}); logs in ${join(cloudDir(), 'logs')}`);
      print(`S3 ${state.endpoints.s3}  Step Functions ${state.endpoints.sfn}  EMR ${state.endpoints.emr}  SNS ${state.endpoints.sns}`);
      print('stop with: pnpm local down');
      return 0;
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  print(`the services did not come up; see ${join(cloudDir(), 'logs', 'local-up.log')}`);
  return 1;
}

async function serve(): Promise<number> {
  const session = await startAndDeploy({ print });
  const control = await startControl(session.cloud);
  const env = session.cloud.clientEnv();
  writeDaemonState({
    pid: process.pid,
    endpoints: session.cloud.endpoints,
    region: session.cloud.region,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' },
    control: control.url,
    layout: session.cloud.layout,
    startedAt: new Date().toISOString(),
  });
  print('up');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  control.close();
  removeDaemonState();
  await session.cloud.stop();
  return 0;
}

async function down(): Promise<number> {
  const state = readDaemonState();
  if (!state) {
    print('not up');
    return 0;
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && readDaemonState()) await new Promise((resolve) => setTimeout(resolve, 200));
  if (readDaemonState()) {
    process.kill(state.pid, 'SIGKILL');
    removeDaemonState();
  }
  print(`down (pid ${state.pid} stopped)`);
  return 0;
}

async function query(sql: string | undefined): Promise<number> {
  if (!sql) {
    print('usage: pnpm local query "<SQL>"');
    return 2;
  }
  const state = readDaemonState();
  const session = state ? undefined : await startAndDeploy();
  try {
    const services = state ? remoteServices(state) : session?.services;
    const result = await services?.query(sql);
    print(formatTable(result?.columns ?? [], result?.rows ?? []));
    print(`(${result?.rows.length ?? 0} rows)`);
    return 0;
  } finally {
    await session?.cloud.stop();
  }
}

async function status(): Promise<number> {
  const state = readDaemonState();
  if (!state) {
    print('services: not up (start them with `pnpm local up`; `npm run local` runs them for one pipeline run)');
    return 0;
  }
  const services = remoteServices(state);
  const names = localNames();
  print(
    `services: up since ${state.startedAt} (pid ${state.pid}): S3 ${state.endpoints.s3}, Step Functions ${state.endpoints.sfn}, EMR ${state.endpoints.emr}, SNS ${state.endpoints.sns}`,
  );
  const { Clusters } = await services.emr.send(new ListClustersCommand({}));
  print(
    `clusters: ${
      (Clusters ?? [])
        .slice(0, 3)
        .map((cluster) => `${cluster.Id} ${cluster.Status?.State}`)
        .join(', ') || '(none)'
    }`,
  );
  const rows: string[][] = [];
  for (const workflow of WORKFLOW_IDS) {
    const { executions } = await services.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: names.stateMachineArn(workflow), maxResults: 3 }),
    );
    for (const execution of executions ?? [])
      rows.push([
        workflow,
        execution.name ?? '',
        execution.status ?? '',
        execution.startDate?.toISOString() ?? '',
        seconds(execution.startDate, execution.stopDate),
      ]);
  }
  print(rows.length ? formatTable(['workflow', 'execution', 'status', 'start', 'duration'], rows) : 'executions: (none)');
  return 0;
}

/** Runs the dashboard package's command in a child process: the dashboard depends on this package, not the other way round. */
function dashboard(args: string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, repoPath('packages/dashboard/src/cli.ts'), ...args], { stdio: 'inherit' });
  // A stop of this process is passed on to the dashboard, and this one waits for it to stop.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 1);
    }),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'pipeline':
      return pipeline();
    case 'up':
      return up();
    case 'serve':
      return serve();
    case 'down':
      return down();
    case 'run':
      return run(rest);
    case 'query':
      return query(rest.join(' ') || undefined);
    case 'status':
      return status();
    case 'dashboard':
      return dashboard(rest);
    case '--help':
    case '-h':
    case 'help':
      print(USAGE);
      return 0;
    default:
      process.stderr.write(`unknown command ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  },
);

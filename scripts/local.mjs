// `npm run local` / `pnpm local <command>`: prepares what the command needs, then runs the local-mode
// command. A command that may start the services and deploy (the whole pipeline, up, run, query) checks
// Python, Java and Maven, installs the workspace, the Python environment and the jars (idempotently) and
// builds the Lambda bundles. The others (down, status, dashboard, help) act at once: they only install the
// workspace on a checkout where it was never installed.
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { ensurePnpm, fail, installWorkspace, log, repoRoot, requireNode, workspaceInstalled } from './lib/toolchain.mjs';

/** The commands that may start the services and deploy the Lambda bundles (run and query do when `up` is not running). */
const DEPLOYING_COMMANDS = new Set(['pipeline', 'up', 'serve', 'run', 'query']);

function versionOf(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error || result.status !== 0 ? undefined : `${result.stdout}\n${result.stderr}`;
}

function requireTool(name, command, args, pattern, minimum, hint) {
  const output = versionOf(command, args);
  const match = output && pattern.exec(output);
  if (!match) fail(`${name} is required but \`${command}\` was not found: install ${hint}.`);
  const found = match.slice(1).map(Number);
  for (let index = 0; index < minimum.length; index += 1) {
    if ((found[index] ?? 0) > minimum[index]) break;
    if ((found[index] ?? 0) < minimum[index])
      fail(`${name} ${minimum.join('.')} or newer is required (found ${found.join('.')}): install ${hint}.`);
  }
}

function requireServiceTools() {
  requireTool(
    'Python',
    'python3',
    ['--version'],
    /Python (\d+)\.(\d+)/,
    [3, 10],
    'Python 3.10 or newer (for example the python3 and python3-venv packages)',
  );
  requireTool('Java', 'java', ['-version'], /version "(\d+)/, [17], 'Java 17 (for example the openjdk-17-jre-headless package)');
  requireTool('Maven', 'mvn', ['-v'], /Apache Maven (\d+)\.(\d+)/, [3, 6], 'Apache Maven (for example the maven package)');
}

function buildBundles(env) {
  log('building the Lambda bundles');
  const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=./packages/lambdas/*', '--output-logs=errors-only'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) fail('the Lambda bundles did not build');
}

const args = process.argv.slice(2);
const deploys = DEPLOYING_COMMANDS.has(args[0] ?? 'pipeline');

requireNode(20);
if (deploys) requireServiceTools();
const env = { ...ensurePnpm(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
if (deploys) {
  installWorkspace(env, ['@data-pipeline/spark-runner', '@data-pipeline/local-cloud']);
  buildBundles(env);
} else if (!workspaceInstalled()) installWorkspace(env, ['@data-pipeline/local']);
const commandArgs = ['--filter', '@data-pipeline/local', 'exec', 'tsx', 'src/cli.ts', ...args];
if (args[0] === 'dashboard') {
  // The dashboard serves until stopped: it runs in a process group of its own (pnpm, tsx, the local
  // command, the server), and a stop of this wrapper (Ctrl-C or a signal) is passed to the whole group,
  // so that no server is left running behind it.
  const child = spawn('pnpm', commandArgs, { cwd: repoRoot, stdio: 'inherit', env, detached: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group has ended already
      }
    });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
} else {
  const command = spawnSync('pnpm', commandArgs, { cwd: repoRoot, stdio: 'inherit', env });
  process.exit(command.status ?? 1);
}

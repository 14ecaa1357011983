// `npm run local` / `pnpm local <command>`: checks the machine, installs what the local mode needs
// (idempotently), builds the Lambda bundles, then runs the local-mode command.
import { spawnSync } from 'node:child_process';
import { ensurePnpm, fail, installWorkspace, log, repoRoot, requireNode } from './lib/toolchain.mjs';

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

requireNode(20);
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

const env = { ...ensurePnpm(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
installWorkspace(env, ['@data-pipeline/spark-runner', '@data-pipeline/local-cloud']);
log('building the Lambda bundles');
const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=./packages/lambdas/*', '--output-logs=errors-only'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) fail('the Lambda bundles did not build');
const command = spawnSync('pnpm', ['--filter', '@data-pipeline/local', 'exec', 'tsx', 'src/cli.ts', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env,
});
process.exit(command.status ?? 1);

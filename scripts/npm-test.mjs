// `npm test`: on a machine with only Node 20 and npm, installs pnpm, the workspace and the
// project's tools (Maven jars, Python environment), then lints, typechecks and runs every test.
import { spawnSync } from 'node:child_process';
import { ensurePnpm, installWorkspace, repoRoot, requireNode, run } from './lib/toolchain.mjs';

requireNode(20);
const env = ensurePnpm();
installWorkspace(env);
run('pnpm', ['exec', 'biome', 'check', 'scripts', 'package.json', 'turbo.json', 'biome.json', 'vitest.shared.ts', 'tsup.shared.ts'], env);
const tasks = spawnSync('pnpm', ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--output-logs=errors-only', '--continue'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env,
});
spawnSync(process.execPath, ['scripts/test-summary.mjs'], { cwd: repoRoot, stdio: 'inherit', env });
process.exit(tasks.status ?? 1);

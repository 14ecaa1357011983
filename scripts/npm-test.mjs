// `npm test`: on a machine with only Node 20 and npm, installs pnpm, the workspace and the
// project's tools (Maven jars, Python environment), then lints, typechecks and runs every test.
import { ensurePnpm, installWorkspace, requireNode, run } from './lib/toolchain.mjs';

requireNode(20);
const env = ensurePnpm();
installWorkspace(env);
run('pnpm', ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--output-logs=errors-only', '--continue'], env);
run('pnpm', ['exec', 'biome', 'check', 'scripts', 'package.json', 'turbo.json', 'biome.json', 'vitest.shared.ts', 'tsup.shared.ts'], env);

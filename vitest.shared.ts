// The vitest preset every package extends: `mergeConfig(shared, defineProject({...}))`.
// A package whose package.json has `"exclusiveTests": "<what its tests start>"` (JVMs, a browser) runs
// its test files under the machine-wide lock of vitest.exclusive.ts: never beside another such package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

function exclusiveTests(): boolean {
  const manifest = join(process.cwd(), 'package.json');
  return existsSync(manifest) && Boolean((JSON.parse(readFileSync(manifest, 'utf8')) as { exclusiveTests?: string }).exclusiveTests);
}

// The tests read the shipped environments/<env>.example.json, also in global setups (which run in this process).
process.env.DATA_PIPELINE_SETTINGS = 'example';

export const shared = defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    unstubEnvs: true,
    // The AWS SDK warns on every process that Node 20 support ends in 2027; the Lambdas run on nodejs22.x.
    // DATA_PIPELINE_SETTINGS=example: dev and prod read the shipped environments/<env>.example.json.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT', DATA_PIPELINE_SETTINGS: 'example' },
    testTimeout: 20_000,
    hookTimeout: 120_000,
    globalSetup: exclusiveTests() ? [fileURLToPath(new URL('./vitest.exclusive.ts', import.meta.url))] : [],
    reporters: ['default', ['json', { outputFile: 'node_modules/.vitest/results.json' }]],
  },
});

export default shared;

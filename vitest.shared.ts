// The vitest preset every package extends: `mergeConfig(shared, defineProject({...}))`.
import { defineConfig } from 'vitest/config';

export const shared = defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    unstubEnvs: true,
    // The AWS SDK warns on every process that Node 20 support ends in 2027; the Lambdas run on nodejs22.x.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    testTimeout: 20_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'node_modules/.vitest/results.json' }]],
  },
});

export default shared;

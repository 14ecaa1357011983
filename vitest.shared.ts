// The vitest preset every package extends: `mergeConfig(shared, defineProject({...}))`.
import { defineConfig } from 'vitest/config';

export const shared = defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    unstubEnvs: true,
    testTimeout: 20_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'node_modules/.vitest/results.json' }]],
  },
});

export default shared;

import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared';

// The global setup synthesizes both stacks once; every test file reads the JSON it wrote.
export default mergeConfig(shared, defineProject({ test: { globalSetup: ['test/support/global-synth.ts'], testTimeout: 120_000 } }));

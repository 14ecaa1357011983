import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// Spark tests share one JVM per file and run statements that take seconds.
export default mergeConfig(shared, defineProject({ test: { testTimeout: 120_000, hookTimeout: 240_000 } }));

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../src/app';

declare module 'vitest' {
  export interface ProvidedContext {
    synthDir: string;
  }
}

/** Synthesizes data-pipeline-dev and data-pipeline-prod once for the whole run, as `pnpm synth` does. */
export default function setup(project: TestProject) {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-synth-'));
  // DATA_PIPELINE_LAMBDAS_ROOT: bundles read from <root>/<lambda>/dist instead of packages/lambdas, as `pnpm synth` does.
  const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;
  buildApp({ outdir, ...(lambdasRoot ? { lambdasRoot } : {}) }).app.synth();
  project.provide('synthDir', outdir);
  return () => rmSync(outdir, { recursive: true, force: true });
}

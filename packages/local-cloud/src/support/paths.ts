import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this package holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml)');
    dir = parent;
  }
  return dir;
}

/** The git-ignored folder holding tools, caches, the local lake and logs (DATA_PIPELINE_LOCAL_DIR overrides). */
export function localDir(): string {
  return resolve(process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repoRoot(), '.local'));
}

export function jarsDir(): string {
  return join(localDir(), 'jars');
}

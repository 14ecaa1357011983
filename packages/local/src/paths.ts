import { join } from 'node:path';
import { localDir, repoRoot } from '@data-pipeline/local-cloud';

/** A path inside the repository. */
export function repoPath(relative: string): string {
  return join(repoRoot(), relative);
}

/** Where the local services keep the lake, logs, metastore and messages. */
export function cloudDir(): string {
  return join(localDir(), 'cloud');
}

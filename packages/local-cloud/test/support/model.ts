import { join } from 'node:path';
import { repoRoot } from '../../src/index';

export {
  CLUSTER_APPLICATIONS,
  EMR_RELEASE_LABEL,
  getTable,
  hiveDirectory,
  hiveScriptKey,
  stagedFileKey,
  tablePrefixes,
  workflowStepsOf,
} from '@data-pipeline/model';

export function repoRootRelative(path: string): string {
  return join(repoRoot(), path);
}

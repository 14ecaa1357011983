import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RequirementsError } from './errors';

const requirements = fileURLToPath(new URL('../requirements.txt', import.meta.url));

/** The pyspark version requirements.txt pins (`pyspark==X.Y.Z`): the Spark of the local engine. */
export function pinnedPySparkVersion(file: string = requirements): string {
  const pin = /^pyspark==(\S+)\s*$/m.exec(readFileSync(file, 'utf8'));
  if (!pin?.[1]) throw new RequirementsError(file, 'pins no pyspark version (a line pyspark==X.Y.Z)');
  return pin[1];
}

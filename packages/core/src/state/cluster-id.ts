import * as z from 'zod';

/** EMR cluster ids look like `j-2AXXXXXXGAPLF`: `j-` then upper-case letters and digits. */
export const CLUSTER_ID_PATTERN = /^j-[0-9A-Z]{1,64}$/;

export const clusterIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string') })
  .regex(CLUSTER_ID_PATTERN, { error: (issue) => `is not an EMR cluster id (j-…): ${JSON.stringify(issue.input)}` });

export function isClusterId(value: unknown): value is string {
  return typeof value === 'string' && CLUSTER_ID_PATTERN.test(value);
}

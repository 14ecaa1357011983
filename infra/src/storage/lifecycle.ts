import { s3Layout, WORKFLOWS_ROOT } from '@data-pipeline/model';

/** Lifecycle of the work-area bucket, the same in every environment. */

export const ATHENA_RESULTS_PREFIX = `${WORKFLOWS_ROOT}/athena-results/`;

export interface LifecycleRule {
  id: string;
  prefix: string;
  /** Move current objects to colder storage after these days. */
  transitions?: { days: number; storageClass: 'STANDARD_IA' | 'GLACIER_IR' | 'GLACIER' | 'DEEP_ARCHIVE' }[];
  /** Delete current objects after these days. */
  expirationDays?: number;
}

export const lifecycleRules: LifecycleRule[] = [
  {
    id: 'archive-to-colder-storage',
    prefix: s3Layout.archiveRoot,
    transitions: [
      { days: 30, storageClass: 'STANDARD_IA' },
      { days: 90, storageClass: 'GLACIER_IR' },
      { days: 365, storageClass: 'DEEP_ARCHIVE' },
    ],
  },
  { id: 'expire-emr-logs', prefix: s3Layout.emrLogsPrefix, expirationDays: 30 },
  { id: 'expire-athena-results', prefix: ATHENA_RESULTS_PREFIX, expirationDays: 30 },
];

/** Every object: old versions go after this many days, unfinished multipart uploads after ABORT_MULTIPART_DAYS. */
export const NONCURRENT_VERSION_DAYS = 90;
export const ABORT_MULTIPART_DAYS = 7;

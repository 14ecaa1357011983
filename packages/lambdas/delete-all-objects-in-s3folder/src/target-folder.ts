import { type Env, EnvironmentError, requireEnv } from '@data-pipeline/core';

/** A "folder" on S3: every object whose key starts with `prefix`, which always ends with `/`. */
export interface S3Folder {
  bucket: string;
  prefix: string;
}

export const BUCKET_VARIABLE = 'Target_Folder_S3_Bucket';
export const KEY_VARIABLE = 'Target_Folder_S3_Key';

/**
 * The folder to empty, from `Target_Folder_S3_Bucket` / `Target_Folder_S3_Key`. The key is a folder:
 * `/` is appended when missing, so `stage/sales` does not also empty `stage/sales-archive/`. An empty
 * key or `/` would empty the whole bucket and is refused.
 */
export function targetFolderFromEnv(env: Env): S3Folder {
  const bucket = requireEnv(BUCKET_VARIABLE, env);
  const key = env[KEY_VARIABLE]?.trim() ?? '';
  if (/^\/*$/.test(key)) {
    const given = key === '' ? 'is empty' : `is ${JSON.stringify(key)}`;
    throw new EnvironmentError(
      KEY_VARIABLE,
      `environment variable ${KEY_VARIABLE} ${given}: refusing to delete every object in bucket ${bucket}; set it to the folder to empty`,
    );
  }
  return { bucket, prefix: key.endsWith('/') ? key : `${key}/` };
}

export function formatFolder({ bucket, prefix }: S3Folder): string {
  return `s3://${bucket}/${prefix}`;
}

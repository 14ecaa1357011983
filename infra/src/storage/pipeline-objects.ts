import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { renderConfigIni } from '@data-pipeline/core';
import { configIniSections, type Environment, hiveScriptKey, hiveScriptPath, s3Layout, tables } from '@data-pipeline/model';
import { Construct } from 'constructs';
import { MissingHiveScriptError } from '../errors';
import { contentHash, terraformLiteral } from '../terraform-text';

export interface PipelineObjectsProps {
  bucket: string;
  keyArn: string;
  /** The repository root (hive/scripts/<table>.hql is read from there). */
  repositoryRoot: string;
}

export interface PipelineObject {
  key: string;
  content: string;
}

/** config.ini of an environment (its keys: packages/core/README.md), rendered from the model. */
export function configIniObject(env: Environment): PipelineObject {
  return { key: s3Layout.configIniKey, content: renderConfigIni(configIniSections(env)) };
}

/** Every table's load script, read from hive/scripts/<table>.hql, to data-workflows/prod/libs/hive-scripts/. */
export function hiveScriptObjects(repositoryRoot: string): PipelineObject[] {
  return tables.map((table) => {
    const path = join(repositoryRoot, hiveScriptPath(table));
    if (!existsSync(path)) throw new MissingHiveScriptError(table.name, path);
    return { key: hiveScriptKey(table), content: readFileSync(path, 'utf8') };
  });
}

/** The objects the pipeline runs from: config.ini and the HiveQL scripts, each redeployed when its content changes. */
export class PipelineObjects extends Construct {
  readonly configIni: S3Object;
  readonly hiveScripts: S3Object[];

  constructor(scope: Construct, id: string, env: Environment, props: PipelineObjectsProps) {
    super(scope, id);
    const upload = (objectId: string, object: PipelineObject, contentType: string) =>
      new S3Object(this, objectId, {
        bucket: props.bucket,
        key: object.key,
        content: terraformLiteral(object.content),
        contentType,
        sourceHash: contentHash(object.content),
        kmsKeyId: props.keyArn,
        serverSideEncryption: 'aws:kms',
      });
    this.configIni = upload('config-ini', configIniObject(env), 'text/plain; charset=utf-8');
    this.hiveScripts = hiveScriptObjects(props.repositoryRoot).map((object) =>
      upload(
        `hive-script-${object.key
          .split('/')
          .pop()
          ?.replace(/\.hql$/, '')}`,
        object,
        'text/plain; charset=utf-8',
      ),
    );
  }
}

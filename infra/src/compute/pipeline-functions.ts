import { s3Layout, TABLE_DECLARATION_LAMBDAS, TARGET_FOLDER_KEY, tables } from '@data-pipeline/model';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { assertBundleKnowsTables, defaultLambdasRoot, defaultPackageCache, lambdaPackage } from './bundle';
import { type LambdaName, lambdaEnvironment, lambdaNames } from './lambdas';
import { PipelineFunction } from './pipeline-function';

export { TARGET_FOLDER_KEY };

export interface PipelineFunctionsProps {
  bucket: string;
  topicArn: string;
  keyArn: string;
  lambdasRoot?: string;
  packageCache?: string;
}

/** The eighteen Lambdas of the pipeline. */
export class PipelineFunctions extends Construct {
  readonly functions: Map<LambdaName, PipelineFunction> = new Map();

  constructor(scope: Construct, id: string, context: StackContext, props: PipelineFunctionsProps) {
    super(scope, id);
    const lambdasRoot = props.lambdasRoot ?? defaultLambdasRoot();
    for (const lambda of lambdaNames) {
      const environment = lambdaEnvironment(lambda, {
        bucket: props.bucket,
        configKey: s3Layout.configIniKey,
        stateKey: s3Layout.stateFileKey,
        topicArn: props.topicArn,
        targetFolderKey: TARGET_FOLDER_KEY,
        subject: `data-pipeline ${context.env.name}`,
      });
      const code = lambdaPackage(lambda, lambdasRoot, props.packageCache ?? defaultPackageCache());
      // One deploy carries a table change to both channels: these bundles must know the tables the definitions list.
      if ((TABLE_DECLARATION_LAMBDAS as readonly string[]).includes(lambda))
        assertBundleKnowsTables(
          lambda,
          lambdasRoot,
          tables.map((table) => table.name),
        );
      this.functions.set(lambda, new PipelineFunction(this, lambda, context, { lambda, package: code, environment, keyArn: props.keyArn }));
    }
  }

  get all(): PipelineFunction[] {
    return [...this.functions.values()];
  }

  aliasArns(): Record<LambdaName, string> {
    return Object.fromEntries(this.all.map((fn) => [fn.lambda, fn.alias.arn])) as Record<LambdaName, string>;
  }
}

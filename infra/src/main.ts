// `pnpm synth` / `cdktf synth|diff|deploy`: renders both stacks into cdktf.out/stacks/data-pipeline-<env>/cdk.tf.json.
// DATA_PIPELINE_LAMBDAS_ROOT: read the bundles from <root>/<lambda>/dist instead of packages/lambdas (e.g. CI artifacts).
import { buildApp } from './app';

const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;
buildApp(lambdasRoot ? { lambdasRoot } : {}).app.synth();

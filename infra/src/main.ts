// `pnpm synth [stack…]` / `cdktf synth|diff|deploy`: renders the stacks into cdktf.out/stacks/<stack>/cdk.tf.json.
// Settings: environments/<env>.json (DATA_PIPELINE_SETTINGS=example: the shipped examples).
// DATA_PIPELINE_LAMBDAS_ROOT: read the bundles from <root>/<lambda>/dist instead of packages/lambdas (e.g. CI artifacts).
import { buildApp } from './app';
import { selectEnvironments } from './selection';

const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;
const selection = selectEnvironments(process.argv.slice(2));
for (const note of selection.skipped) process.stderr.write(`${note}\n`);
buildApp({ environments: selection.environments, ...(lambdasRoot ? { lambdasRoot } : {}) }).app.synth();

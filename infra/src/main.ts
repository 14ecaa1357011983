// `pnpm synth` / `cdktf synth|diff|deploy`: renders both stacks into cdktf.out/stacks/data-pipeline-<env>/cdk.tf.json.
import { buildApp } from './app';

buildApp().app.synth();

import { bootstrapStackName, getEnvironment } from '@data-pipeline/model';
import { App } from 'cdktf';
import { StateBucketStack } from './bootstrap/state-bucket-stack';
import { type DeployableEnvironment, deployableEnvironments, getDeploymentSettings } from './deployment';
import { stackName } from './naming';
import { DataPipelineStack, type DataPipelineStackProps } from './stack';

export interface BuildAppOptions extends Partial<Omit<DataPipelineStackProps, 'environment' | 'deployment'>> {
  /** Where `synth` writes cdktf.out (default: ./cdktf.out of the working directory). */
  outdir?: string;
  environments?: readonly DeployableEnvironment[];
}

/**
 * The app: per deployable environment, its pipeline stack (data-pipeline-dev) and the bootstrap stack of its
 * state bucket (data-pipeline-bootstrap-dev), both from the environment's settings file.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stacks: DataPipelineStack[]; bootstraps: StateBucketStack[] } {
  const { outdir, environments = deployableEnvironments, ...stackOptions } = options;
  const app = new App({ ...(outdir ? { outdir } : {}), skipValidation: false });
  const bootstraps: StateBucketStack[] = [];
  const stacks = environments.map((name) => {
    const environment = getEnvironment(name);
    const deployment = getDeploymentSettings(name);
    if (deployment.backend.type === 's3') {
      bootstraps.push(new StateBucketStack(app, bootstrapStackName(environment), { environment, backend: deployment.backend }));
    }
    return new DataPipelineStack(app, stackName(environment), { ...stackOptions, environment, deployment });
  });
  return { app, stacks, bootstraps };
}

import { getEnvironment } from '@data-pipeline/model';
import { App } from 'cdktf';
import { type DeployableEnvironment, deployableEnvironments, getDeploymentSettings } from './deployment';
import { stackName } from './naming';
import { DataPipelineStack, type DataPipelineStackProps } from './stack';

export interface BuildAppOptions extends Partial<Omit<DataPipelineStackProps, 'environment' | 'deployment'>> {
  /** Where `synth` writes cdktf.out (default: ./cdktf.out of the working directory). */
  outdir?: string;
  environments?: readonly DeployableEnvironment[];
}

/** The app: one DataPipelineStack per deployable environment (data-pipeline-dev, data-pipeline-prod). */
export function buildApp(options: BuildAppOptions = {}): { app: App; stacks: DataPipelineStack[] } {
  const { outdir, environments = deployableEnvironments, ...stackOptions } = options;
  const app = new App({ ...(outdir ? { outdir } : {}), skipValidation: false });
  const stacks = environments.map((name) => {
    const environment = getEnvironment(name);
    return new DataPipelineStack(app, stackName(environment), { ...stackOptions, environment, deployment: getDeploymentSettings(name) });
  });
  return { app, stacks };
}

// What other packages use of the local mode: finding the services `pnpm local up` runs, the local
// names, and starting a private set of services (tests).
export { type DaemonState, readDaemonState, remoteServices } from './daemon';
export { type LocalNames, localEnvironmentNamed, localNames } from './environment';
export { type FileToLand, landFiles, sampleFiles } from './land';
export { type PipelineRunResult, resetLake, runPipeline } from './pipeline';
export { type QuietOptions, type Unrest, unrest, waitUntilQuiet } from './quiet';
export { type Endpoints, type QueryResult, type Services, sdkClients } from './services';
export { deployNamed, type LocalSession, type StartOptions, startAndDeploy } from './session';
export { type RowCounts, warehouseCounts } from './warehouse';

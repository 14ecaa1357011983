export { type ConfigIniSections, configIniSections } from './config-ini';
export { type DdlLocations, ddlVariables, hiveDdlScript, hiveDdlStatements, hiveString, variableLocations } from './ddl';
export { environmentNames, environments, getEnvironment, isEnvironmentName, validateEnvironment } from './environments/index';
export type { EmrSettings, Environment, EnvironmentName, PollIntervals, SpotSettings } from './environments/schema';
export { InvalidEnvironmentError, InvalidTableError, UnknownEnvironmentError, UnknownTableError } from './errors';
export {
  type GlueColumn,
  type GlueDatabaseDefinition,
  type GlueSerDeInfo,
  type GlueStorageDescriptor,
  type GlueTableDefinition,
  type GlueTableInput,
  glueDatabases,
  glueTableDefinitions,
  glueTables,
  stagingColumns,
  type TableZone,
} from './glue';
export {
  ddlFileContent,
  GENERATED_BLOCK_BEGIN,
  GENERATED_BLOCK_END,
  type HiveScriptVariable,
  hiveDdlPath,
  hiveDefineArguments,
  hiveDirectory,
  hiveScriptKey,
  hiveScriptPath,
  hiveScriptVariableNames,
  hiveScriptVariables,
  MissingGeneratedBlockError,
  withGeneratedBlock,
} from './hive-scripts';
export {
  isLambdaName,
  LAMBDA_NAMES,
  type LambdaEnvironmentTargets,
  type LambdaName,
  type LambdaVariables,
  lambdaCatalog,
  lambdaEnvironment,
  TARGET_FOLDER_KEY,
} from './lambdas';
export {
  kindFolder,
  kindPrefixes,
  type LocationOptions,
  locationOf,
  locationRoot,
  s3Layout,
  s3Uri,
  stagingDatabase,
  type TablePrefixes,
  tableLocations,
  tablePrefixes,
  type UriScheme,
  WORKFLOWS_ROOT,
  warehouseDatabase,
  type Zone,
} from './layout';
export {
  ENVIRONMENT_TAG_KEY,
  functionName,
  LAMBDA_ALIAS,
  lambdaLogGroupName,
  notificationSubject,
  PIPELINE_TAG,
  PROJECT,
  resourceName,
  stackName,
  stateMachineName,
  topicName,
  WORKFLOW_IDS,
  type WorkflowId,
} from './naming';
export { archivedKeyOf, escapePartitionValue, sourceFileOfKey, stagedFileKey, unescapePartitionValue } from './staged-files';
export {
  type EmrStepCommand,
  type StageLandedFilesEvent,
  stepActionOnFailure,
  type TableWorkflowSteps,
  tableWorkflowSteps,
  workflowStepsOf,
} from './steps';
export { csvStorage, orcStorage } from './storage-formats';
export {
  dataColumns,
  getTable,
  partitionColumns,
  SOURCE_FILE_COLUMN,
  tables,
  tablesOfKind,
  validateTable,
  warehouseDataColumns,
} from './tables/index';
export { type QualifiedTableName, stagingTable, warehouseTable } from './tables/names';
export type { HiveColumn, SourceFormat, TableDefinition, TableKind } from './tables/schema';
export { checkTableFile, type FileCheckOptions, type FileCheckResult, type FileProblem, valueProblem } from './validation/index';

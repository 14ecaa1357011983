export { type ConfigIniSections, configIniSections } from './config-ini';
export {
  type DdlDatabases,
  type DdlLocations,
  ddlVariables,
  hiveDdlScript,
  hiveDdlStatements,
  hiveString,
  variableDatabases,
  variableLocations,
} from './ddl';
export {
  CLUSTER_APPLICATIONS,
  EMR_RELEASE_LABEL,
  EMR_RELEASE_SPARK,
  type EmrRelease,
  LOAD_PROGRAM,
  minorVersionOf,
  sparkVersionOf,
} from './engine';
export { type EngineSetting, engineSettingArguments, engineSettings } from './engine-settings';
export { type PipelineDefinition, pipelineDefinitions } from './environments/definitions';
export { environmentNames, environments, getEnvironment, isEnvironmentName, validateEnvironment } from './environments/index';
export type { EmrSettings, Environment, EnvironmentName, PollIntervals, SpotSettings } from './environments/schema';
export {
  InvalidEnvironmentError,
  InvalidSettingsError,
  InvalidTableError,
  MissingSettingsFileError,
  PlaceholderSettingsError,
  type SettingProblem,
  UnknownEnvironmentError,
  UnknownReleaseError,
  UnknownSettingsSourceError,
  UnknownTableError,
  UnreadableSettingsError,
} from './errors';
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
  headerRowFilter,
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
  TABLE_DECLARATION_LAMBDAS,
  TARGET_FOLDER_KEY,
} from './lambdas';
export {
  databaseName,
  kindFolder,
  kindPrefixes,
  type LocationOptions,
  locationOf,
  locationRoot,
  s3Layout,
  s3Uri,
  stagingDatabase,
  stagingFolder,
  type TablePrefixes,
  tableLocations,
  tablePrefixes,
  type UriScheme,
  WORKFLOWS_ROOT,
  warehouseDatabase,
  warehouseFolder,
  type Zone,
} from './layout';
export {
  bootstrapStackName,
  defaultNameSuffix,
  ENVIRONMENT_TAG_KEY,
  functionName,
  LAMBDA_ALIAS,
  lambdaLogGroupName,
  notificationSubject,
  PIPELINE_TAG,
  PROJECT,
  resourceName,
  stackName,
  stateBucketName,
  stateKey,
  stateMachineName,
  topicName,
  workAreaBucketName,
} from './naming';
export { type SampleOptions, sampleCsv, sampleRows, seededRandom } from './samples';
export { environmentFromSettings, nameSuffixOf, type StateBackend, stateBackendOf } from './settings/environment';
export {
  repositorySettingsDirectory,
  SETTINGS_DIRECTORY_VARIABLE,
  SETTINGS_VARIABLE,
  type SettingsSource,
  settingsDirectory,
  settingsFileName,
  settingsSource,
} from './settings/files';
export { SETTINGS_SCHEMA_FILE, settingsJsonSchemaText } from './settings/json-schema';
export { type LoadSettingsOptions, loadSettings, readSettingsFile, validateSettings } from './settings/load';
export { isPlaceholderAccount, type PlaceholderFinding, placeholderFindings } from './settings/placeholders';
export { NAME_SUFFIX_MAX_LENGTH, SETTINGS_ENVIRONMENTS, type Settings, type SettingsEnvironment, settingsSchema } from './settings/schema';
export { archivedKeyOf, escapePartitionValue, sourceFileOfKey, stagedFileKey, unescapePartitionValue } from './staged-files';
export {
  type EmrStepCommand,
  loadCommand,
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

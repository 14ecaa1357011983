export { InvalidRunOptionsError, RequirementsError, RunnerStartError, SessionClosedError, VenvMissingError } from './errors';
export {
  type HiveRunResult,
  type HiveScriptOptions,
  hiveArguments,
  type SessionOptions,
  type StatementResult,
  sessionArguments,
} from './options';
export { localDirectory, requireVenvPython, runnerEnvironment, runnerPythonPath, venvPython } from './paths';
export { type CliRunResult, runHiveCli, runHiveScript } from './run';
export { HiveSession, SESSION_PROGRAMS, type SessionProgram, SPARK_START_BOUND_MS, startHiveSession } from './session';
export { pinnedPySparkVersion } from './versions';

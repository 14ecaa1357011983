/** What a step's command produced: its exit code, its output, and a one-line reason when it failed. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  reason?: string;
}

type EngineResult = Promise<{ exitCode: number; stdout: string; stderr: string }>;

/** The engine behind `hive` and `spark-sql` steps: a command line in, exit code and output out. */
export interface HiveEngine {
  /** Hive CLI arguments (without the word hive): the catalog's DDL and queries of the local mode. */
  runCli(args: string[]): EngineResult;
  /** A step's command line as command-runner.jar has it: `hive …` or `spark-sql …`. */
  runCommand(argv: string[]): EngineResult;
  stop(): Promise<void>;
}

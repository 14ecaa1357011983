/** What a step's command produced: its exit code, its output, and a one-line reason when it failed. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  reason?: string;
}

/** The engine behind `hive` and `spark-sql` steps: Hive CLI arguments in, exit code and output out. */
export interface HiveEngine {
  runCli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

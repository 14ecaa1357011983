// Runs one step's command-runner.jar arguments: s3-dist-cp through the S3 API, hive and spark-sql on the
// cluster's engine; anything else fails the step with a message saying what is supported.
import type { S3Client } from '@aws-sdk/client-s3';
import type { CommandResult, HiveEngine } from './result';
import { s3DistCp } from './s3-dist-cp';

export interface CommandContext {
  s3: S3Client;
  hive?: HiveEngine;
  /** The cluster's applications (RunJobFlow's Applications): a program is there only with its application. */
  applications: readonly string[];
}

/**
 * The application that installs each program the engine runs. EMR installs a program only with its application
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-release-components.html), and command-runner.jar
 * runs the command line as given (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-commandrunner.html):
 * on a cluster without Hive, a `hive` step fails to start its program.
 */
const PROGRAM_APPLICATIONS = { hive: 'Hive', 'spark-sql': 'Spark' } as const;

const failed = (reason: string): CommandResult => ({ exitCode: 1, stdout: '', stderr: reason, reason });

export async function runStepCommand(jar: string, args: string[], context: CommandContext): Promise<CommandResult> {
  if (jar !== 'command-runner.jar') return failed(`unsupported jar ${jar}: the local EMR service runs command-runner.jar steps`);
  const [program, ...rest] = args;
  switch (program) {
    case 's3-dist-cp':
      return s3DistCp(rest, context.s3);
    case 'hive':
    case 'spark-sql': {
      const application = PROGRAM_APPLICATIONS[program];
      if (!context.applications.some((name) => name.toLowerCase() === application.toLowerCase()))
        return failed(
          `Cannot run program "${program}": error=2, No such file or directory (the cluster has no ${application} application)`,
        );
      if (!context.hive) return failed(`${program}: the cluster's Spark engine is not running`);
      const result = await context.hive.runCommand([program, ...rest]);
      return result.exitCode === 0
        ? result
        : { ...result, reason: lastErrorLine(result.stderr) ?? `${program} exited with ${result.exitCode}` };
    }
    default:
      return failed(`unsupported command ${program ?? '(none)'}: the local EMR service runs s3-dist-cp, hive and spark-sql`);
  }
}

function lastErrorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.filter((line) => /^(FAILED|Error|ERROR)\b/.test(line)).pop() ?? lines.filter(Boolean).pop();
}

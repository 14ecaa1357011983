// Runs one step's command-runner.jar arguments: s3-dist-cp through the S3 API, hive and spark-sql on
// the cluster's Hive engine; anything else fails the step with a message saying what is supported.
import type { S3Client } from '@aws-sdk/client-s3';
import type { CommandResult, HiveEngine } from './result';
import { s3DistCp } from './s3-dist-cp';

export interface CommandContext {
  s3: S3Client;
  hive?: HiveEngine;
}

const failed = (reason: string): CommandResult => ({ exitCode: 1, stdout: '', stderr: reason, reason });

export async function runStepCommand(jar: string, args: string[], context: CommandContext): Promise<CommandResult> {
  if (jar !== 'command-runner.jar') return failed(`unsupported jar ${jar}: the local EMR service runs command-runner.jar steps`);
  const [program, ...rest] = args;
  switch (program) {
    case 's3-dist-cp':
      return s3DistCp(rest, context.s3);
    case 'hive':
    case 'spark-sql': {
      if (!context.hive) return failed(`${program}: this cluster has no Hive or Spark application`);
      const result = await context.hive.runCli(rest);
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

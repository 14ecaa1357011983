// The command line: `ops --env <dev|prod|local> [--json] <command> …`, parsed with commander.

import { CHILD_WORKFLOW_IDS } from '@data-pipeline/asl';
import { type EnvironmentName, environmentNames } from '@data-pipeline/model';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { clusterCommand } from './commands/cluster';
import { historyCommand } from './commands/history';
import { landCommand } from './commands/land';
import { rerunCommand } from './commands/rerun';
import type { CommandResult } from './commands/result';
import { statusCommand } from './commands/status';
import { workflowsCommand } from './commands/workflows';
import type { OpsContext, Output } from './context';
import { RefusedError } from './errors';
import { EXIT, type ExitCode, exitCodeOf } from './exit-codes';
import { type Colors, colors, colorsEnabled } from './output/format';
import { parseWorkflow } from './workflows/catalog';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface CliDependencies {
  io?: Partial<CliIo>;
  /** Builds the context of an environment; tests inject one on their own clients. */
  connect: (env: EnvironmentName, output: Output) => Promise<OpsContext>;
}

interface GlobalOptions {
  env: EnvironmentName;
  json?: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('not a whole number from 1');
  return parsed;
}

function errorJson(error: unknown) {
  const base = error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
  return { error: { ...base, ...(error instanceof RefusedError ? error.details : {}) } };
}

const HELP_AFTER = `
Exit codes: 0 done, 1 the execution failed (rerun --wait), 2 usage error, 3 refused (nothing changed),
4 the environment could not be reached or an AWS call failed.`;

/** Runs one command line (without the node and script arguments); resolves with the exit code. */
export async function runCli(argv: string[], deps: CliDependencies): Promise<ExitCode> {
  const io: CliIo = {
    stdout: deps.io?.stdout ?? ((text) => void process.stdout.write(text)),
    stderr: deps.io?.stderr ?? ((text) => void process.stderr.write(text)),
    isTTY: deps.io?.isTTY ?? process.stdout.isTTY === true,
    env: deps.io?.env ?? process.env,
  };
  let code: ExitCode = EXIT.ok;
  let json = false;
  let paint: Colors = colors(false);

  const run = (action: (ctx: OpsContext, ...args: never[]) => Promise<CommandResult>) =>
    async function (this: Command, ...args: unknown[]) {
      const globals = this.optsWithGlobals() as GlobalOptions;
      json = globals.json === true;
      paint = colors(!json && colorsEnabled({ isTTY: io.isTTY }, io.env));
      const output: Output = { json, colors: paint, line: (text) => io.stdout(`${text}\n`), info: (text) => io.stderr(`${text}\n`) };
      const ctx = await deps.connect(globals.env, output);
      const result = await (action as (ctx: OpsContext, ...rest: unknown[]) => Promise<CommandResult>)(ctx, ...args.slice(0, -1));
      io.stdout(`${json ? JSON.stringify(result.data, null, 2) : result.render(paint)}\n`);
      code = result.code;
    };

  const program = new Command('ops')
    .description('Operate the data pipeline: re-run a child workflow, see what ran and why it failed, land files.')
    .addOption(new Option('--env <name>', 'the environment').choices(environmentNames).makeOptionMandatory())
    .option('--json', 'print the result as JSON (for scripts)')
    .showHelpAfterError()
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const sub = (name: string, description: string) =>
    program.command(name).description(description).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  sub('workflows', 'every workflow: state machine names and what each expects as input').action(run((ctx) => workflowsCommand(ctx)));

  sub('rerun', 'start one child workflow with the input the Master gives it')
    .argument('<workflow>', `one of the Master's children: ${CHILD_WORKFLOW_IDS.join(', ')}`)
    .option('--wait', 'follow the execution live; exit 1 when it fails')
    .option('--yes', 'do not ask for confirmation in prod')
    .option('--interval <seconds>', 'seconds between polls with --wait', positiveInteger)
    .addHelpText(
      'after',
      '\nRefused (exit 3, nothing started) when the Master or the same workflow is running, when the workflow needs the\ncluster the state file names and it names none or one that is not up, or when prod is not confirmed.',
    )
    .action(
      run((ctx, workflow: string, options: { wait?: boolean; yes?: boolean; interval?: number }) => {
        if (options.interval) ctx.pollMs = options.interval * 1000;
        return rerunCommand(ctx, parseWorkflow(ctx.env, workflow), options);
      }),
    );

  sub('status', 'latest executions of every workflow, the cluster in the state file, the last notification')
    .option('--limit <n>', 'executions per workflow', positiveInteger, 3)
    .action(run((ctx, options: { limit: number }) => statusCommand(ctx, options)));

  sub('history', "an execution's states with timings; for a failure the failed state, error, cause and EMR step")
    .argument('<execution>', 'an execution ARN, an execution name, or a workflow id for its latest execution')
    .action(run((ctx, execution: string) => historyCommand(ctx, execution)));

  sub('cluster', 'the running cluster: fleets, instances and steps')
    .option('--cluster <id>', 'this cluster instead of the one in the state file')
    .action(run((ctx, options: { cluster?: string }) => clusterCommand(ctx, options)));

  sub('land', "check files against the table's declared format, then upload them to its landing prefix")
    .argument('<table>', 'a declared table')
    .argument('<files...>', 'CSV files')
    .option('--yes', 'do not ask for confirmation in prod')
    .action(run((ctx, table: string, files: string[], options: { yes?: boolean }) => landCommand(ctx, table, files, options)));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (json) io.stdout(`${JSON.stringify(errorJson(error), null, 2)}\n`);
    const label = error instanceof RefusedError ? 'refused' : 'error';
    io.stderr(`ops: ${paint.red(label)}: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeOf(error);
  }
}

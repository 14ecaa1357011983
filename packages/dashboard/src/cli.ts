// `pnpm local dashboard [--port N]`: serves the dashboard of the services `pnpm local up` runs, on
// 127.0.0.1, until Ctrl-C.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { localNames, readDaemonState, remoteServices } from '@data-pipeline/local';
import { DashboardError } from './errors';
import { parsePort, USAGE } from './options';
import { startDashboard } from './server';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = parsePort(args);
  const state = readDaemonState();
  if (!state) throw new DashboardError('the local services are not up: start them with `pnpm local up`, then run `pnpm local dashboard`');
  const dashboard = await startDashboard({
    services: remoteServices(state),
    names: localNames(),
    port,
    onError: (error) => process.stderr.write(`row counts not recorded: ${error.message}\n`),
  });
  process.stdout.write(`dashboard: ${dashboard.url}  (stop with Ctrl-C)\n`);
  // Ctrl-C may arrive twice (from the terminal and passed on by the wrapper): every stop signal only resolves.
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    process.on('SIGHUP', () => resolve());
  });
  await dashboard.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error instanceof DashboardError ? '' : 'error: '}${error.message}\n`);
    process.exit(error instanceof DashboardError ? 2 : 1);
  },
);

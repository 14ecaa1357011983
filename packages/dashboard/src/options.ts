// The dashboard command's options.
import { DashboardError } from './errors';

export const USAGE = 'usage: pnpm local dashboard [--port <port>]   (the local services must be up: pnpm local up)';

/** The port `--port` asks for, or 0 (any free port); `--help` is for the caller to answer before. */
export function parsePort(args: string[]): number {
  if (args.length === 0) return 0;
  const [flag, value, ...rest] = args;
  if (flag !== '--port' || value === undefined || rest.length > 0)
    throw new DashboardError(`unexpected arguments: ${args.join(' ')}\n${USAGE}`);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new DashboardError(`--port must be a port number from 1 to 65535, not ${value}`);
  return port;
}

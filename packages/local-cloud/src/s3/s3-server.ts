// A real S3-compatible server for the local mode and for tests: s3proxy with its filesystem backend,
// bound to 127.0.0.1 on a port chosen at run time. Objects live under `dataDir` and survive a restart.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceStartError } from '../errors';
import { freePort, LOOPBACK, waitForHttp } from '../support/net';
import { jarsDir } from '../support/paths';
import { startServiceProcess } from '../support/service-process';
import { S3_START_BOUND_MS } from '../support/start-bounds';

export interface S3ServerOptions {
  /** Folder holding the buckets (one sub-folder per bucket). */
  dataDir: string;
  /** Where the server's own log goes; defaults to `<dataDir>/../logs/s3.log`. */
  logFile?: string;
  port?: number;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** How long to wait for the first HTTP answer; S3_START_BOUND_MS by default. */
  startTimeoutMs?: number;
}

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  readonly logFile: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** Variables that point the AWS SDKs at this server. */
  clientEnv(): Record<string, string>;
  stop(): Promise<void>;
}

export const LOCAL_ACCESS_KEY_ID = 'local';
export const LOCAL_SECRET_ACCESS_KEY = 'local-secret';

/** The s3proxy jar fetched by the package's setup; a clear error when it is not there. */
export function s3ProxyJar(): string {
  const dir = jarsDir();
  const jar = existsSync(dir) ? readdirSync(dir).find((name) => /^s3proxy-.*-jar-with-dependencies\.jar$/.test(name)) : undefined;
  if (!jar)
    throw new ServiceStartError(
      `the s3proxy jar is not in ${dir}: run \`npm run setup\` (or \`pnpm --filter @data-pipeline/local-cloud run setup\`)`,
    );
  return join(dir, jar);
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const jar = s3ProxyJar();
  const port = options.port ?? (await freePort());
  const endpoint = `http://${LOOPBACK}:${port}`;
  const credentials = {
    accessKeyId: options.accessKeyId ?? LOCAL_ACCESS_KEY_ID,
    secretAccessKey: options.secretAccessKey ?? LOCAL_SECRET_ACCESS_KEY,
  };
  const logFile = options.logFile ?? join(options.dataDir, '..', 'logs', 's3.log');
  mkdirSync(options.dataDir, { recursive: true });
  const propertiesFile = join(options.dataDir, '..', `s3proxy-${port}.properties`);
  writeFileSync(
    propertiesFile,
    [
      `s3proxy.endpoint=${endpoint}`,
      's3proxy.authorization=aws-v2-or-v4',
      `s3proxy.identity=${credentials.accessKeyId}`,
      `s3proxy.credential=${credentials.secretAccessKey}`,
      'jclouds.provider=filesystem',
      `jclouds.filesystem.basedir=${options.dataDir}`,
      '',
    ].join('\n'),
  );
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  let service: ReturnType<typeof startServiceProcess>;
  try {
    service = startServiceProcess(java, ['-Xmx512m', '-jar', jar, '--properties', propertiesFile], logFile);
  } catch (error) {
    throw new ServiceStartError('cannot start java for the S3 server: install Java 17', { cause: error });
  }
  try {
    await waitForHttp(`${endpoint}/`, options.startTimeoutMs ?? S3_START_BOUND_MS, service.isAlive, `s3proxy (pid ${service.pid})`);
  } catch (error) {
    await service.stop();
    throw new ServiceStartError(`the S3 server did not start: ${(error as Error).message}; its log is ${logFile}`, { cause: error });
  }
  return {
    endpoint,
    port,
    dataDir: options.dataDir,
    logFile,
    credentials,
    clientEnv: () => ({
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    }),
    stop: () => service.stop(),
  };
}

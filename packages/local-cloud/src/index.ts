export { ServiceStartError } from './errors';
export {
  LOCAL_ACCESS_KEY_ID,
  LOCAL_SECRET_ACCESS_KEY,
  type S3Server,
  type S3ServerOptions,
  s3ProxyJar,
  startS3Server,
} from './s3/s3-server';
export { freePort, LOOPBACK } from './support/net';
export { jarsDir, localDir, repoRoot } from './support/paths';

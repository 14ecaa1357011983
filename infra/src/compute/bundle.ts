import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingBundleError, StaleBundleError } from '../errors';
import { deterministicZip } from './deterministic-zip';

/** The tsup bundle of a Lambda package (packages/lambdas/<name>/dist/index.mjs, handler `index.handler`), packaged as a zip. */

export const BUNDLE_FILE = 'index.mjs';
export const HANDLER = 'index.handler';

export function defaultLambdasRoot(): string {
  return fileURLToPath(new URL('../../../packages/lambdas/', import.meta.url));
}

export function defaultPackageCache(): string {
  return join(tmpdir(), 'data-pipeline-infra', 'lambda-packages');
}

export interface LambdaPackage {
  lambda: string;
  /** The zip of the bundle folder (content-addressed: its name is its hash). */
  zipFile: string;
  /** base64 SHA-256 of the zip: the value AWS reports as CodeSha256; changes exactly when the bundle changes. */
  sourceCodeHash: string;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const packaged = new Map<string, { fingerprint: string; result: LambdaPackage }>();

/** Names, sizes and modification times of a folder's files: equal fingerprints mean an unchanged bundle within a process. */
function fingerprint(directory: string): string {
  return filesUnder(directory)
    .map((file) => {
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}

/** Zips a bundle folder deterministically into the cache; the same content always gives the same file and hash. */
export function packageDirectory(lambda: string, directory: string, cache = defaultPackageCache()): LambdaPackage {
  const entries = filesUnder(directory).map((file) => ({
    name: relative(directory, file).split('\\').join('/'),
    content: readFileSync(file),
  }));
  const zip = deterministicZip(entries);
  const digest = createHash('sha256').update(zip);
  const sourceCodeHash = digest.copy().digest('base64');
  const zipFile = join(cache, `${digest.digest('hex')}.zip`);
  if (!existsSync(zipFile)) {
    mkdirSync(cache, { recursive: true });
    const partial = `${zipFile}.${process.pid}.partial`;
    writeFileSync(partial, zip);
    renameSync(partial, zipFile);
  }
  return { lambda, zipFile, sourceCodeHash };
}

/** The deployment package of a Lambda from its built bundle; MissingBundleError (naming the build command) when not built. */
export function lambdaPackage(lambda: string, lambdasRoot = defaultLambdasRoot(), cache = defaultPackageCache()): LambdaPackage {
  const directory = join(lambdasRoot, lambda, 'dist');
  if (!existsSync(join(directory, BUNDLE_FILE))) throw new MissingBundleError(lambda, join(directory, BUNDLE_FILE));
  const memoKey = `${directory}\0${cache}`;
  const current = fingerprint(directory);
  const known = packaged.get(memoKey);
  if (known && known.fingerprint === current && existsSync(known.result.zipFile)) return known.result;
  const result = packageDirectory(lambda, directory, cache);
  packaged.set(memoKey, { fingerprint: current, result });
  return result;
}

/**
 * A bundle that compiles the table declarations in must name every declared table (as a string literal):
 * otherwise the state machines of this deploy would send it a table it does not know.
 */
export function assertBundleKnowsTables(lambda: string, lambdasRoot: string, tableNames: readonly string[]): void {
  const text = readFileSync(join(lambdasRoot, lambda, 'dist', BUNDLE_FILE), 'utf8');
  const missing = tableNames.filter((name) => !text.includes(`"${name}"`) && !text.includes(`'${name}'`));
  if (missing.length > 0) throw new StaleBundleError(lambda, missing);
}

// Copies the pinned Java artifacts of java/pom.xml into <local dir>/jars with Maven. Maven downloads them
// into its own repository (~/.m2/repository, or what the user's settings name), the cache that a fresh
// clone then reuses, as the pnpm store and pip's cache are reused. Idempotent: does nothing when the jars
// of this pom are there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '..', '..');
const localDir = process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repoRoot, '.local');
const pom = join(packageDir, 'java', 'pom.xml');
const jarsDir = join(localDir, 'jars');
const stamp = join(jarsDir, '.pom.sha256');

const digest = createHash('sha256').update(readFileSync(pom)).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) process.exit(0);

for (const [tool, hint] of [
  ['java', 'Java 17 (for example the openjdk-17-jre-headless package)'],
  ['mvn', 'Apache Maven (for example the maven package)'],
]) {
  const probe = spawnSync(tool, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(`[local-cloud] ${tool} is required to fetch the local services' jars: install ${hint}.`);
    process.exit(1);
  }
}

mkdirSync(jarsDir, { recursive: true });
console.error(`[local-cloud] fetching the pinned jars of ${pom} into ${jarsDir}`);
const result = spawnSync(
  'mvn',
  ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${jarsDir}`],
  { stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error(`[local-cloud] mvn failed with ${result.status ?? result.signal}`);
  process.exit(1);
}
writeFileSync(stamp, `${digest}\n`);

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lambdaPackage } from '../src/compute/bundle';
import { crc32, deterministicZip } from '../src/compute/deterministic-zip';
import { MissingBundleError } from '../src/errors';

function lambdasRootWith(content: string): string {
  const root = mkdtempSync(join(tmpdir(), 'infra-lambdas-'));
  mkdirSync(join(root, 'status-emr', 'dist'), { recursive: true });
  writeFileSync(join(root, 'status-emr', 'dist', 'index.mjs'), content);
  return root;
}

/** Lists and reads the archive with Python's zipfile (an independent reader). */
function readWithPython(zipFile: string): Record<string, string> {
  const script =
    'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).decode() for n in z.namelist()}))';
  const result = spawnSync('python3', ['-c', script, zipFile], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('Function: deterministicZip', () => {
  it('returns an archive a standard reader extracts to the same files', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'infra-zip-')), 'a.zip');
    writeFileSync(
      file,
      deterministicZip([
        { name: 'index.mjs', content: Buffer.from('export const handler = 1;\n'.repeat(100)) },
        { name: 'x/b.txt', content: Buffer.from('b') },
      ]),
    );
    expect(readWithPython(file)).toEqual({ 'index.mjs': 'export const handler = 1;\n'.repeat(100), 'x/b.txt': 'b' });
  });

  it('returns the same bytes for the same files in any order', () => {
    const a = { name: 'a', content: Buffer.from('1') };
    const b = { name: 'b', content: Buffer.from('2') };
    expect(deterministicZip([a, b]).equals(deterministicZip([b, a]))).toBe(true);
  });

  it('returns the standard CRC-32 of a known input', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('Function: lambdaPackage', () => {
  it('returns the same hash for the same bundle and another when the bundle changes', () => {
    // prepare
    const cache = mkdtempSync(join(tmpdir(), 'infra-cache-'));
    const first = lambdaPackage('status-emr', lambdasRootWith('export const handler = () => 1;'), cache);
    const same = lambdaPackage('status-emr', lambdasRootWith('export const handler = () => 1;'), cache);
    // act
    const changed = lambdaPackage('status-emr', lambdasRootWith('export const handler = () => 2;'), cache);
    // assess
    expect(same.sourceCodeHash).toBe(first.sourceCodeHash);
    expect(same.zipFile).toBe(first.zipFile);
    expect(changed.sourceCodeHash).not.toBe(first.sourceCodeHash);
    expect(readWithPython(changed.zipFile)).toEqual({ 'index.mjs': 'export const handler = () => 2;' });
    expect(readFileSync(first.zipFile).length).toBeGreaterThan(0);
  });

  it('throws MissingBundleError naming the build command when the bundle is not built', () => {
    const root = mkdtempSync(join(tmpdir(), 'infra-lambdas-'));
    expect(() => lambdaPackage('terminate-emr', root)).toThrow(MissingBundleError);
    expect(() => lambdaPackage('terminate-emr', root)).toThrow('pnpm --filter @data-pipeline/terminate-emr build');
  });
});

// Security scan of the synthesized stacks with checkov (Terraform JSON), from .local/venvs/checkov.
// `pnpm --filter @data-pipeline/infra scan` synthesizes first (pnpm synth) and prints the summary.
// Findings listed in checkov/skips.json (check, resource type, reason) are accepted; anything else fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkovBin, infraRoot } from './tools.mjs';

export const skips = JSON.parse(readFileSync(join(infraRoot, 'checkov', 'skips.json'), 'utf8'));

/** Runs checkov on every stacks/<name>/cdk.tf.json of a synth output; returns the failed checks and the summary. */
export function scan(outdir) {
  if (!existsSync(checkovBin))
    throw new Error(`checkov is not installed at ${checkovBin}: run \`pnpm --filter @data-pipeline/infra setup\``);
  const stacks = readdirSync(join(outdir, 'stacks')).map((name) => join(outdir, 'stacks', name, 'cdk.tf.json'));
  // checkov names some findings "resource.<id>" in Terraform JSON: the type is looked up in the stack itself.
  const typeOfId = new Map();
  for (const file of stacks) {
    for (const [type, resources] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).resource ?? {})) {
      for (const id of Object.keys(resources)) typeOfId.set(id, type);
    }
  }
  const args = [
    ...stacks.flatMap((file) => ['-f', file]),
    '--framework',
    'terraform_json',
    '-o',
    'json',
    '--quiet',
    '--compact',
    '--skip-download',
  ];
  const result = spawnSync(checkovBin, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`checkov failed (${result.status}): ${result.stderr}`);
  const reports = [JSON.parse(result.stdout)].flat();
  const failed = reports.flatMap((report) =>
    (report.results?.failed_checks ?? []).map((check) => ({
      check: check.check_id,
      name: check.check_name,
      resource: check.resource,
      resourceType: typeOfId.get(check.resource.split('.').slice(1).join('.')) ?? check.resource.split('.')[0],
      file: check.file_path,
    })),
  );
  const passed = reports.reduce((sum, report) => sum + (report.summary?.passed ?? 0), 0);
  const version = reports[0]?.summary?.checkov_version;
  const skipOf = (finding) => skips.find((skip) => skip.check === finding.check && skip.resourceType === finding.resourceType);
  return {
    version,
    passed,
    failed: failed.filter((finding) => !skipOf(finding)),
    accepted: failed.filter((finding) => skipOf(finding)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outdir = process.argv[2] ?? join(infraRoot, 'cdktf.out');
  const { version, passed, failed, accepted } = scan(outdir);
  const byCheck = new Map();
  for (const finding of accepted) byCheck.set(finding.check, (byCheck.get(finding.check) ?? 0) + 1);
  console.log(`checkov ${version}: ${passed} passed, ${failed.length} failed, ${accepted.length} skipped in code (checkov/skips.json)`);
  for (const [check, count] of byCheck) console.log(`  skipped ${check} × ${count}: ${skips.find((skip) => skip.check === check)?.reason}`);
  for (const finding of failed) console.log(`  FAILED ${finding.check} ${finding.resource}: ${finding.name}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

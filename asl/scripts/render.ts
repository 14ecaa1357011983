// Rewrites definitions/<workflow>.asl.json and the diagrams in README.md from the builders.
// Usage: pnpm --filter @data-pipeline/asl run render [--check]   (--check: fail when anything is stale)
import { renderCommittedArtifacts } from '../src/render/artifacts';

const check = process.argv.includes('--check');
const changed = await renderCommittedArtifacts({ write: !check });
if (changed.length === 0) console.log('definitions and diagrams are up to date');
else if (check) {
  console.error(`stale: ${changed.join(', ')} — run: pnpm --filter @data-pipeline/asl run render`);
  process.exitCode = 1;
} else console.log(`rewrote ${changed.join(', ')}`);

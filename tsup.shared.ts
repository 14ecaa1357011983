// The tsup preset every Lambda bundle uses: one self-contained ESM file (`dist/index.mjs`)
// that the nodejs22.x runtime loads as `index.handler` and that Node 20 can load locally.
import type { Options } from 'tsup';

export const lambdaBundle: Options = {
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  outExtension: () => ({ js: '.mjs' }),
  bundle: true,
  noExternal: [/.*/],
  splitting: false,
  treeshake: true,
  minify: true,
  sourcemap: false,
  clean: true,
  dts: false,
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

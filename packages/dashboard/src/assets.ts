// The files the page loads, all from this package and node_modules: the browser needs no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

export interface Asset {
  file: string;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';

export const ASSETS: Record<string, Asset> = {
  '/': { file: join(publicDir, 'index.html'), type: 'text/html; charset=utf-8' },
  '/app.js': { file: join(publicDir, 'app.js'), type: JS },
  '/style.css': { file: join(publicDir, 'style.css'), type: 'text/css; charset=utf-8' },
  // chart.js exports no path to its UMD build; it sits beside the CommonJS entry.
  '/vendor/chart.js': { file: join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), type: JS },
  '/vendor/mermaid.js': { file: require.resolve('mermaid/dist/mermaid.min.js'), type: JS },
  // Chart.js's time axis needs a date adapter: this build carries date-fns inside it.
  '/vendor/chartjs-adapter-date-fns.js': {
    file: join(dirname(require.resolve('chartjs-adapter-date-fns')), 'chartjs-adapter-date-fns.bundle.min.js'),
    type: JS,
  },
  '/vendor/svg-pan-zoom.js': { file: join(dirname(require.resolve('svg-pan-zoom')), 'svg-pan-zoom.min.js'), type: JS },
};

const cache = new Map<string, Buffer>();

export function assetBody(asset: Asset): Buffer {
  let body = cache.get(asset.file);
  if (!body) {
    body = readFileSync(asset.file);
    cache.set(asset.file, body);
  }
  return body;
}

// How many state transitions and Lambda invocations one full Master run costs, and how long the
// workflows take to notice that something finished, for one simulated timeline: the definitions
// run in aws-local-stepfunctions with their real Wait times on a simulated clock (fake timers), the
// children really running, against a fake AWS where the cluster starts in 6 min, each EMR step
// runs 4 min, the resize takes 5 min, termination 2 min and every Lambda invocation 0.3 s.
//
//   pnpm --filter @data-pipeline/asl run bench

import { pipelineDefinitions } from '@data-pipeline/model';
import FakeTimers from '@sinonjs/fake-timers';
import type { PollIntervals } from '../src/model-types';
import { sampleReferences } from '../src/sample-references';
import { childStates } from '../src/workflows/registry';
import { describeIntervals, type Operation, TimedCloud, type Timeline } from './timed-cloud';

const TIMELINE: Timeline = { lambdaSeconds: 0.3, clusterStartSeconds: 360, stepSeconds: 240, resizeSeconds: 300, terminateSeconds: 120 };

interface Variant {
  name: string;
  intervals: PollIntervals;
  /** Per-child Master waits, as the original had them. */
  childWaits?: Partial<Record<Parameters<typeof childStates>[0], number>>;
}

const ORIGINAL: Variant = {
  name: 'original fixed waits',
  // Launch 300 s, steps 60 s, resize 60 s, terminate 120 s; the Master polled its children at 300/120/300/120/180 s.
  intervals: { clusterStart: 300, step: 60, resize: 60, childWorkflow: 300, terminate: 120 },
  childWaits: {
    'launch-emr-cluster': 300,
    'dimension-process': 120,
    'add-emr-workers': 300,
    'fact-process': 120,
    'terminate-emr-cluster': 180,
  },
};

const VARIANTS: Variant[] = [
  { name: 'defaults (model prod/dev)', intervals: pipelineDefinitions.prod.pollIntervals },
  ORIGINAL,
  { name: 'all 15 s', intervals: { clusterStart: 15, step: 15, resize: 15, childWorkflow: 15, terminate: 15 } },
];

interface Figures {
  minutes: number;
  transitions: number;
  invocations: number;
  longest: Partial<Record<Operation, number>>;
}

async function measure(variant: Variant): Promise<Figures> {
  const clock = FakeTimers.install({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'], loopLimit: 1_000_000 });
  try {
    const cloud = new TimedCloud(sampleReferences({ pollIntervals: variant.intervals }), TIMELINE);
    for (const [key, seconds] of Object.entries(variant.childWaits ?? {})) {
      cloud.setWait('master', childStates(key as Parameters<typeof childStates>[0]).wait, seconds);
    }
    let done = false;
    const master = cloud.run('master', {}).finally(() => {
      done = true;
    });
    let idle = 0;
    while (!done) {
      idle = clock.countTimers() === 0 ? idle + 1 : 0;
      if (idle > 1000) throw new Error('the simulated run stopped making progress');
      await clock.nextAsync();
    }
    const result = await master;
    const minutes = Date.now() / 60_000;
    const children = await cloud.settled();
    if (result.status !== 'SUCCEEDED') throw new Error(`the Master ended ${result.status}: ${result.error}: ${result.cause}`);
    const runs = [result, ...children.map((child) => child.result)];
    const transitions = runs.reduce((sum, run) => sum + run.visited.length + run.items.flat().length, 0);
    const longest: Figures['longest'] = {};
    for (const { operation, delaySeconds } of cloud.noticed) longest[operation] = Math.max(longest[operation] ?? 0, delaySeconds);
    return { minutes, transitions, invocations: cloud.invocations.length, longest };
  } finally {
    clock.uninstall();
  }
}

const rows: string[][] = [];
for (const variant of VARIANTS) {
  const figures = await measure(variant);
  const waits = variant.childWaits
    ? `${describeIntervals(variant.intervals).replace(/\/300\//, '/300,120,300,120,180/')}`
    : describeIntervals(variant.intervals);
  const longest = (operation: Operation) => `${figures.longest[operation] ?? '-'} s`;
  rows.push([
    variant.name,
    waits,
    figures.minutes.toFixed(1),
    String(figures.transitions),
    String(figures.invocations),
    longest('step'),
    longest('cluster start'),
    longest('resize'),
    longest('terminate'),
    longest('child workflow'),
    `${variant.intervals.step} s / ${variant.intervals.step + (variant.childWaits?.['fact-process'] ?? variant.intervals.childWorkflow)} s`,
  ]);
}

const header = [
  'intervals',
  'start/step/resize/child/terminate (s)',
  'run (min)',
  'transitions',
  'Lambda calls',
  'step noticed after',
  'cluster start',
  'resize',
  'terminate',
  'child workflow',
  'worst case: step→its workflow / →Master',
];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
console.log(
  `Timeline: cluster start ${TIMELINE.clusterStartSeconds / 60} min, each EMR step ${TIMELINE.stepSeconds / 60} min (4 steps), resize ${TIMELINE.resizeSeconds / 60} min, termination ${TIMELINE.terminateSeconds / 60} min, each Lambda invocation ${TIMELINE.lambdaSeconds} s.`,
);
console.log(
  'Transitions: states entered in the Master and all five children (Map items included). Noticed after: the longest delay, in this timeline, between an operation finishing and a poll seeing it. Worst case: a step finishing just after a poll waits one step interval to be seen by Dimension/Fact Process, and up to one more child interval to be seen by the Master.\n',
);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));

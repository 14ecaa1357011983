import { describe, expect, it } from 'vitest';
import { TRANSIENT_LAMBDA_ERRORS } from '../src/asl/policies';
import { allStates, waitSeconds } from '../src/inspect';
import { LAMBDA_NAMES, type LambdaName } from '../src/lambda-names';
import { renderCommittedArtifacts } from '../src/render/artifacts';
import { sampleReferences } from '../src/sample-references';
import { definitionProblems } from '../src/validate';
import { buildWorkflows } from '../src/workflows/index';
import { WORKFLOW_IDS } from '../src/workflows/registry';

const refs = sampleReferences();
const definitions = buildWorkflows(refs);
const lambdaArns = new Set(Object.values(refs.lambdas));
/** A Comment longer than this does not fit on one screen line: its explanation belongs in the README. */
const MAX_COMMENT_LENGTH = 160;

/** Every Comment of a definition: its own, its states', their Map item processors'. */
function commentsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(commentsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'Comment' && typeof inner === 'string' ? [inner] : commentsIn(inner)));
}

describe('Function: buildWorkflows', () => {
  it.each(WORKFLOW_IDS)('returns a definition of %s that asl-validator accepts', (id) => {
    // Act
    const problems = definitionProblems(definitions[id]);

    // Assess
    expect(problems).toEqual([]);
  });

  it('returns definitions that carry Terraform expressions through unparsed', () => {
    // Prepare
    const tokens = sampleReferences({
      lambdas: Object.fromEntries(LAMBDA_NAMES.map((name) => [name, `\${aws_lambda_alias.${name.replaceAll('-', '_')}.arn}`])) as Record<
        LambdaName,
        string
      >,
    });

    // Act
    const built = buildWorkflows(tokens);

    // Assess
    expect(JSON.stringify(built['launch-emr-cluster'])).toContain('"Resource":"${aws_lambda_alias.launch_emr.arn}"');
  });

  it.each(WORKFLOW_IDS)('returns Tasks in %s that invoke a Lambda by ARN, retry transient Lambda errors and catch the rest', (id) => {
    // Act
    const tasks = allStates(definitions[id]).filter(({ state }) => state.Type === 'Task');

    // Assess
    expect(tasks.length).toBeGreaterThan(0);
    for (const { name, state } of tasks) {
      if (state.Type !== 'Task') continue;
      expect(lambdaArns.has(state.Resource), `${name} invokes ${state.Resource}`).toBe(true);
      expect(state.Retry?.[0]?.ErrorEquals, name).toEqual([...TRANSIENT_LAMBDA_ERRORS]);
      expect(state.Retry?.[0]).toMatchObject({ MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' });
      expect(
        state.Catch?.map((c) => c.ErrorEquals),
        name,
      ).toEqual([['States.ALL']]);
      expect(state.ResultPath, `${name} keeps its input`).toMatch(/^\$\.\w+/);
    }
  });

  it.each(WORKFLOW_IDS)('returns Pass states in %s that keep their input, unless they end the workflow', (id) => {
    // Act
    const passes = allStates(definitions[id]).filter(({ state }) => state.Type === 'Pass');

    // Assess
    for (const { name, state } of passes) {
      if (state.Type !== 'Pass' || state.End) continue;
      expect(state.ResultPath, name).toMatch(/^\$\.\w+/);
    }
  });

  it.each(WORKFLOW_IDS)('returns Map states in %s that catch every error of their items', (id) => {
    // Act
    const maps = allStates(definitions[id]).filter(({ state }) => state.Type === 'Map');

    // Assess
    for (const { name, state } of maps) {
      if (state.Type !== 'Map') continue;
      expect(
        state.Catch?.map((c) => c.ErrorEquals),
        name,
      ).toEqual([['States.ALL']]);
    }
  });

  it.each(['launch-emr-cluster', 'terminate-emr-cluster'] as const)(
    'returns %s looking up clusters by name with check-duplicate-emr and terminating each one found',
    (id) => {
      // Act
      const maps = allStates(definitions[id]).filter(({ state }) => state.Type === 'Map');

      // Assess
      expect(maps).toHaveLength(1);
      const [map] = maps;
      if (map?.state.Type !== 'Map') throw new Error('no Map');
      expect(map.state.ItemsPath).toMatch(/\.ClusterIds$/);
      expect(map.state.ItemSelector).toEqual({ 'ClusterId.$': '$$.Map.Item.Value' });
      const items = Object.values(map.state.ItemProcessor.States).filter((state) => state.Type === 'Task');
      expect(items.map((state) => state.Type === 'Task' && state.Resource)).toEqual([refs.lambdas['terminate-emr']]);
    },
  );

  it.each(WORKFLOW_IDS)('returns Fail states in %s that carry an Error and a Cause', (id) => {
    // Act
    const fails = allStates(definitions[id]).filter(({ state }) => state.Type === 'Fail');

    // Assess
    expect(fails.length).toBeGreaterThan(0);
    for (const { name, state } of fails) {
      if (state.Type !== 'Fail') continue;
      expect(state.Error ?? state.ErrorPath, name).toBeTruthy();
      expect(state.Cause ?? state.CausePath, name).toBeTruthy();
    }
  });

  it('returns Wait states that wait the poll intervals of the references', () => {
    // Prepare
    const pollIntervals = { clusterStart: 11, step: 12, resize: 13, childWorkflow: 14, terminate: 15 };

    // Act
    const built = buildWorkflows(sampleReferences({ pollIntervals }));

    // Assess
    expect(waitSeconds(built['launch-emr-cluster'])).toEqual({
      'Wait for cluster start': 11,
      'Wait before looking for launched clusters': 11,
    });
    expect(waitSeconds(built['dimension-process'])).toEqual({ 'Wait for load': 12, 'Wait for archive': 12 });
    expect(waitSeconds(built['fact-process'])).toEqual({ 'Wait for load': 12, 'Wait for archive': 12 });
    expect(waitSeconds(built['add-emr-workers'])).toEqual({ 'Wait for workers': 13 });
    expect(new Set(Object.values(waitSeconds(built.master)))).toEqual(new Set([14]));
    expect(waitSeconds(built['terminate-emr-cluster'])).toEqual({ 'Wait for cluster stop': 15 });
  });

  it('returns a Map over the tables of the references with the configured concurrency', () => {
    // Act
    const built = buildWorkflows(sampleReferences({ tableConcurrency: 3 }));

    // Assess
    const map = built['fact-process'].States['Process fact tables'];
    const list = built['fact-process'].States['List fact tables'];
    expect(map).toMatchObject({ Type: 'Map', MaxConcurrency: 3, ItemsPath: '$.tables' });
    expect(list).toMatchObject({ Type: 'Pass', Result: refs.tables.fact.map((table) => table.table) });
  });

  it('throws ReferencesError naming every missing or invalid reference', () => {
    // Prepare
    const broken = sampleReferences({
      masterStateMachine: '',
      pollIntervals: { clusterStart: 0, step: 1.5, resize: 30, childWorkflow: 30, terminate: 30 },
    });
    const { 'status-emr': _dropped, ...lambdas } = broken.lambdas;

    // Act
    const act = () => buildWorkflows({ ...broken, lambdas: lambdas as Record<LambdaName, string> });

    // Assess
    expect(act).toThrow(
      'invalid workflow references: lambdas.status-emr is missing; masterStateMachine is missing; pollIntervals.clusterStart must be a whole number of seconds from 1 to 86400 (got 0); pollIntervals.step must be a whole number of seconds from 1 to 86400 (got 1.5)',
    );
  });
});

describe('Function: renderCommittedArtifacts', () => {
  it.each(WORKFLOW_IDS)('returns Comments in %s that fit on one screen line', (id) => {
    // Act
    const comments = commentsIn(definitions[id]);

    // Assess
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) {
      expect(comment.length, comment).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      expect(comment, 'one line').not.toContain('\n');
    }
  });

  it('returns nothing stale: definitions/*.asl.json and the README diagrams match the builders', async () => {
    // Act
    const stale = await renderCommittedArtifacts({ write: false });

    // Assess
    expect(stale, 'run: pnpm --filter @data-pipeline/asl run render').toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { validateReferences } from '../src/references';
import { sampleReferences } from '../src/sample-references';

describe('Function: validateReferences', () => {
  it('returns without error for complete references', () => {
    // Act
    const act = () => validateReferences(sampleReferences());

    // Assess
    expect(act).not.toThrow();
  });

  it('throws naming the table and field when a table step has no command', () => {
    // Prepare
    const refs = sampleReferences();
    const [table] = refs.tables.dimension;
    if (!table) throw new Error('no sample table');
    const broken = { ...table, load: { Step_Name: 'Load', Cmd_Run: ' ' } };

    // Act
    const act = () => validateReferences({ ...refs, tables: { ...refs.tables, dimension: [broken] } });

    // Assess
    expect(act).toThrow('tables.dimension[0] (sample_country_dim): load.Cmd_Run is missing');
  });

  it('throws when a table is listed under the wrong kind or twice', () => {
    // Prepare
    const refs = sampleReferences();
    const [fact] = refs.tables.fact;
    if (!fact) throw new Error('no sample table');

    // Act
    const act = () => validateReferences({ ...refs, tables: { ...refs.tables, dimension: [fact, fact] } });

    // Assess
    expect(act).toThrow(
      'tables.dimension[0] (sample_country_tx_fact): kind is fact, expected dimension; tables.dimension[1] (sample_country_tx_fact): table listed twice; tables.dimension[1] (sample_country_tx_fact): kind is fact, expected dimension',
    );
  });

  it('throws when tableConcurrency is not a whole number from 1', () => {
    // Act
    const act = () => validateReferences(sampleReferences({ tableConcurrency: 0 }));

    // Assess
    expect(act).toThrow('tableConcurrency must be a whole number from 1 (got 0)');
  });
});

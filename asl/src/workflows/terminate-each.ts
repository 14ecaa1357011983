// A Map that asks terminate-emr to terminate each cluster of a list of ids (check-duplicate-emr's
// ClusterIds): the clusters nobody recorded, which Launch and Terminate EMR Cluster look up by name.
// It does not wait for them to stop; EMR terminates them in the background.
import { lambdaTask, type StatesBuilder } from '../asl/builder';
import { catchAll } from '../asl/policies';
import type { MapState } from '../asl/types';

export interface TerminateEach {
  builder: StatesBuilder;
  /** terminate-emr */
  resource: string;
  /** The Map state and its item states (the names must be unique in the definition). */
  names: { map: string; terminate: string; requested: string; failed: string };
  itemsPath: string;
  resultPath: string;
  next: string;
  /** Where an error of any item goes, with `{ Error, Cause }` at `catchPath`. */
  onError: string;
  catchPath: string;
  /** Listed with the main path (default) or with the failure handling. */
  group?: 'main' | 'failure';
}

export function addTerminateEach(options: TerminateEach): string {
  const { builder, names } = options;
  const items = builder.nested();
  items.add(
    names.terminate,
    lambdaTask({
      resource: options.resource,
      parameters: { 'ClusterId.$': '$.ClusterId' },
      resultPath: '$.termination',
      onError: names.failed,
      next: names.requested,
    }),
  );
  items.add(names.requested, { Type: 'Succeed', OutputPath: '$.termination' });
  items.addFailure(names.failed, { Type: 'Fail', ErrorPath: '$.failure.Error', CausePath: '$.failure.Cause' });
  const map: MapState = {
    Type: 'Map',
    ItemsPath: options.itemsPath,
    ItemSelector: { 'ClusterId.$': '$$.Map.Item.Value' },
    ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: names.terminate, States: items.states },
    ResultPath: options.resultPath,
    Catch: [catchAll(options.onError, options.catchPath)],
    Next: options.next,
  };
  return builder.add(names.map, map, options.group ?? 'main');
}

// The environment's state machine ARNs, found by the names the model gives them (no account id needed).
import { paginateListStateMachines, type SFNClient } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { type Environment, stateMachineName } from '@data-pipeline/model';
import { EnvironmentUnavailableError } from '../errors';
import type { StateMachineArns } from '../workflows/catalog';

export async function findStateMachines(sfn: SFNClient, env: Environment): Promise<StateMachineArns> {
  const byName = new Map<string, string>();
  for await (const page of paginateListStateMachines({ client: sfn }, {})) {
    for (const machine of page.stateMachines ?? [])
      if (machine.name && machine.stateMachineArn) byName.set(machine.name, machine.stateMachineArn);
  }
  const missing = WORKFLOW_IDS.filter((id) => !byName.has(stateMachineName(env, id)));
  if (missing.length > 0) {
    throw new EnvironmentUnavailableError(
      `the ${env.name} environment has no state machine ${missing.map((id) => stateMachineName(env, id)).join(', ')}: is it deployed (in this region and account)?`,
    );
  }
  return Object.fromEntries(WORKFLOW_IDS.map((id) => [id, byName.get(stateMachineName(env, id)) ?? ''])) as StateMachineArns;
}

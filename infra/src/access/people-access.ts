import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { resourceName } from '../naming';
import { statementsOf } from '../security/permissions';
import { PipelineRole } from '../security/pipeline-role';
import { PERSON_ROLES, type PeopleTargets, type PersonRole, peopleGrants } from './people-grants';
import { type PersonRoleAccess, personTrustPolicy } from './trust';

const descriptions: Record<PersonRole, string> = {
  analyst: 'query the warehouse through the Athena workgroup',
  'data-engineer': 'land files, read every zone and the Glue catalog',
  operator: 'run, stop and follow the workflows, inspect the cluster, read the state file and logs',
};

/** The model's key of each role's principals. */
export function accessOf(context: Pick<StackContext, 'env'>, role: PersonRole): PersonRoleAccess | undefined {
  const access = context.env.access;
  if (role === 'data-engineer') return access?.dataEngineer;
  return access?.[role];
}

export function personRoleName(context: Pick<StackContext, 'env'>, role: PersonRole): string {
  return resourceName(context.env, role);
}

/** The people's roles of the environment (analyst, data engineer, operator), each with its trust and one least-privilege policy. */
export class PeopleAccess extends Construct {
  readonly roles: Map<PersonRole, PipelineRole> = new Map();

  constructor(scope: Construct, id: string, context: StackContext) {
    super(scope, id);
    for (const role of PERSON_ROLES) {
      this.roles.set(
        role,
        new PipelineRole(this, role, {
          name: personRoleName(context, role),
          description: `People of the ${context.env.name} pipeline: ${descriptions[role]}`,
          assumeRolePolicy: personTrustPolicy(accessOf(context, role), context.partition, context.account),
        }),
      );
    }
  }

  arnOf(role: PersonRole): string {
    return (this.roles.get(role) as PipelineRole).role.arn;
  }

  /** Attaches each role's policy once every target exists. */
  grant(targets: PeopleTargets): void {
    for (const [role, pipelineRole] of this.roles) pipelineRole.attachPolicy(statementsOf(peopleGrants[role], targets));
  }
}

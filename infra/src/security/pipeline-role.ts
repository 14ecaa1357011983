import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { InvalidPolicyError } from '../errors';
import { type PolicyStatement, renderPolicy } from './policy-document';

export interface PipelineRoleProps {
  name: string;
  description: string;
  /** The trust policy (serviceTrustPolicy). */
  assumeRolePolicy: string;
  /** The role's only permissions, as one inline policy (checked by assertLeastPrivilege). */
  statements?: PolicyStatement[];
  /** AWS managed policies, only where AWS maintains the least-privilege set (the EMR service role). */
  managedPolicyArns?: string[];
}

/** An IAM role with exactly one inline policy; the policy is a separate resource so it may name resources that use the role. */
export class PipelineRole extends Construct {
  readonly role: IamRole;
  policy?: IamRolePolicy;

  constructor(scope: Construct, id: string, props: PipelineRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: props.assumeRolePolicy,
    });
    for (const [index, policyArn] of (props.managedPolicyArns ?? []).entries()) {
      new IamRolePolicyAttachment(this, `managed-${index}`, { role: this.role.name, policyArn });
    }
    if (props.statements) this.attachPolicy(props.statements);
  }

  /** Gives the role its one inline policy (later than the role itself when the policy names resources that use the role). */
  attachPolicy(statements: PolicyStatement[]): IamRolePolicy {
    if (this.policy) throw new InvalidPolicyError(`role ${this.node.path} already has its policy`);
    this.policy = new IamRolePolicy(this, 'policy', { name: 'least-privilege', role: this.role.id, policy: renderPolicy(statements) });
    return this.policy;
  }
}

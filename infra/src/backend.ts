import { CloudBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from 'cdktf';
import type { BackendSettings } from './deployment';

/** The stack's remote state: S3 with locking, or an HCP Terraform workspace. */
export function configureBackend(stack: TerraformStack, settings: BackendSettings): void {
  if (settings.type === 'hcp') {
    new CloudBackend(stack, {
      organization: settings.organization,
      workspaces: new NamedCloudWorkspace(settings.workspace),
      ...(settings.hostname ? { hostname: settings.hostname } : {}),
    });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: settings.bucket,
    key: settings.key,
    region: settings.region,
    encrypt: true,
    ...(settings.dynamodbTable ? { dynamodbTable: settings.dynamodbTable } : {}),
  });
  // S3-native locking (Terraform 1.10+); cdktf 0.21's typed props predate it.
  if (settings.useLockfile) backend.addOverride('use_lockfile', true);
}

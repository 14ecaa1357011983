import type { PermissionTargets } from './permissions';

/** The permission targets with symbolic names (<bucket>, <pipeline key>, …): the README's table, and questions asked of the table. */
export const symbolicTargets: PermissionTargets = {
  partition: 'aws',
  region: '<region>',
  account: '<account>',
  environment: '<env>',
  bucketArn: 'arn:aws:s3:::<bucket>',
  configKey: 'data-workflows/prod/libs/lambda_fn_config/config.ini',
  stateKey: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info',
  targetFolderKey: 'data-workflows/stage/STG_DWH/',
  dataPrefix: 'data-workflows/',
  keyArn: '<pipeline key>',
  topicArn: '<status topic>',
  stateMachineArns: ['<the six state machines>'],
  stateMachineNames: ['<each state machine>'],
  emrServiceRoleArn: '<EMR service role>',
  emrInstanceRoleArn: '<EMR instance role>',
  glueDatabases: ['<each of the four databases>'],
};

// `@data-pipeline/core/testing`: what the tests of core, the Lambdas and the workflows share. Never
// imported by a Lambda's source, so never in a bundle.
export {
  givenLambdaEnvironment,
  lambdaTestEnv,
  s3TextBody,
  TEST_CONFIG_BUCKET,
  TEST_CONFIG_KEY,
  TEST_STATE_KEY,
  testConfigIni,
  testConfigSections,
} from './fixtures';
export { type RecordedAnswer, recordInputs } from './record-inputs';
export { startWireS3, type WireS3, type WireS3Options } from './wire-s3';

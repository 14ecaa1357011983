// The eighteen reusable Lambdas and the environment variables each gets: the model's catalogue, the one
// the local mode deploys with too.
export {
  LAMBDA_NAMES as lambdaNames,
  type LambdaEnvironmentTargets,
  type LambdaName,
  type LambdaVariables,
  lambdaCatalog,
  lambdaEnvironment,
} from '@data-pipeline/model';

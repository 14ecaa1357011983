// The reusable Lambdas the workflows invoke (DESIGN §3), by their kebab-case names: the model's catalogue.
export { isLambdaName, LAMBDA_NAMES, type LambdaName } from '@data-pipeline/model';

// The reusable Lambdas the workflows invoke (docs/ARCHITECTURE.md, "The Lambdas"), by their kebab-case names: the model's catalogue.
export { isLambdaName, LAMBDA_NAMES, type LambdaName } from '@data-pipeline/model';

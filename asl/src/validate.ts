/// <reference path="./asl-validator.d.ts" />
import aslValidator from 'asl-validator';
import type { StateMachineDefinition } from './asl/types';
import { DefinitionValidationError } from './errors';

export interface ValidateOptions {
  /** Check that Task resources are ARNs; turn off for definitions holding Terraform references. */
  checkArn?: boolean;
  checkPaths?: boolean;
}

/** The problems asl-validator finds in a definition (none: valid). The definition is not modified. */
export function definitionProblems(definition: StateMachineDefinition, options: ValidateOptions = {}): string[] {
  // asl-validator writes a default QueryLanguage into every state it visits: validate a copy.
  const result = aslValidator(structuredClone(definition), { checkArn: options.checkArn ?? true, checkPaths: options.checkPaths ?? true });
  return result.isValid ? [] : result.errorsText('\n').split('\n').filter(Boolean);
}

/** Throws DefinitionValidationError when asl-validator rejects the definition. */
export function assertValidDefinition(workflow: string, definition: StateMachineDefinition, options: ValidateOptions = {}): void {
  const problems = definitionProblems(definition, options);
  if (problems.length > 0) throw new DefinitionValidationError(workflow, problems);
}

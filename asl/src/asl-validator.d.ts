// asl-validator ships no types; this is the part of its API the package uses.
declare module 'asl-validator' {
  export interface AslValidationError {
    'Error code'?: string;
    Message?: string;
    message?: string;
    path?: string;
    instancePath?: string;
  }
  export interface AslValidationResult {
    isValid: boolean;
    errors: AslValidationError[];
    errorsText(separator?: string): string;
  }
  export interface AslValidatorOptions {
    checkPaths?: boolean;
    checkArn?: boolean;
  }
  export default function aslValidator(definition: unknown, options?: AslValidatorOptions): AslValidationResult;
}

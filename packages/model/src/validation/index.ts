export { checkTableFile, type FileCheckOptions, type FileCheckResult, type FileProblem } from './check-file';
export { valueProblem } from './values';

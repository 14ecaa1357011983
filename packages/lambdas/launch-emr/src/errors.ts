import { PipelineError } from '@data-pipeline/core';

/** config.ini is valid key by key, but its values together do not make a cluster EMR can launch. */
export class ClusterSpecificationError extends PipelineError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClusterSpecificationError';
  }
}

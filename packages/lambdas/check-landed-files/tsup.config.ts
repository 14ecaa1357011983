import { defineConfig } from 'tsup';
import { lambdaBundle } from '../../../tsup.shared';

export default defineConfig(lambdaBundle);

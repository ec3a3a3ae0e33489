// The API's modules, one per feature. Adding a feature is adding a line here.
import type { ApiModule } from './module';

export const apiModules: ApiModule[] = [];

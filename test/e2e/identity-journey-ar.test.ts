import { identityJourneys } from './support/journey-suite';

identityJourneys('ar');

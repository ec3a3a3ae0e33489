import { identityJourneys } from './support/journey-suite';

identityJourneys('en');

import type { PopulationRegistry } from '../adapters/population-registry/port';
import type { TrafficAgency } from '../adapters/traffic/port';
import type { TravelBans } from '../adapters/travel-bans/port';

/** The partner agencies a service's rules may consult. */
export type Agencies = { registry: PopulationRegistry; traffic: TrafficAgency; travelBans: TravelBans };

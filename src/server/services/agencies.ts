import type { PopulationRegistry } from '../adapters/population-registry/port';
import type { TrafficAgency } from '../adapters/traffic/port';
import type { TravelBans } from '../adapters/travel-bans/port';
import type { LabourMinistry } from '../adapters/labour/port';
import type { HealthMinistry } from '../adapters/health/port';

/** The partner agencies a service's rules may consult. */
export type Agencies = { registry: PopulationRegistry; traffic: TrafficAgency; travelBans: TravelBans; labour: LabourMinistry; health: HealthMinistry };

// The e-services, one module each. Adding a service is adding a module and a line here.
import { AppError } from '../errors';
import type { ServiceDefinition } from './definition';

const services: ServiceDefinition<never>[] = [];

export function registerService<I>(def: ServiceDefinition<I>): void {
  if (services.some((s) => s.code === def.code)) throw new Error(`service ${def.code} declared twice`);
  services.push(def as unknown as ServiceDefinition<never>);
}

export function allServices(): ReadonlyArray<ServiceDefinition<unknown>> {
  return services as unknown as ServiceDefinition<unknown>[];
}

export function findService(code: string): ServiceDefinition<unknown> | undefined {
  return allServices().find((s) => s.code === code);
}

export function getService(code: string): ServiceDefinition<unknown> {
  const def = findService(code);
  if (!def) throw new AppError('service_not_found');
  return def;
}

/** What a fee line is, in both languages: the service's label for the key, or else the service's name. */
export function feeLineLabel(code: string, key: string): { ar: string; en: string } {
  const def = findService(code);
  return def?.feeLabels?.[key] ?? def?.name ?? { ar: key, en: key };
}

/** Fee lines as they leave: each with its label. */
export function labelFeeLines<L extends { key: string }>(code: string, lines: readonly L[]): Array<L & { label: { ar: string; en: string } }> {
  return lines.map((l) => ({ ...l, label: feeLineLabel(code, l.key) }));
}

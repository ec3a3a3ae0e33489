// Adds one synthetic person to the sandbox registry (POST /sandbox/persons): a person of
// the API range of the population, drawn from the seed and shaped by whatever the caller
// fixed (kind, gender, birth date, nationality, document expiries, sponsor).
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { addDays, generateStandalonePerson } from '../../../domain/synthetic/population';
import { ensurePopulationState, reserveIndices } from './population-state';
import { findPersonRow, insertPerson, type PersonRow } from './repository';
import type { AddPersonInput } from './schemas';

export async function addSandboxPerson(deps: Deps, input: AddPersonInput): Promise<PersonRow> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  checkDates(input, today);
  return deps.database.db.transaction(async (tx) => {
    if (input.kind === 'resident' && input.sponsor?.kind === 'person' && !(await findPersonRow(tx, input.sponsor.id))) {
      throw new AppError('sponsor_not_found', { sponsorId: input.sponsor.id });
    }
    const state = await ensurePopulationState(tx, { seed: deps.config.sandboxSeed, asOf: today, now });
    const { first } = await reserveIndices(tx, 'api', 1, now);
    // Documents are placed relative to today, so that a fresh person's "expiring soon" is soon now.
    const person = generateStandalonePerson(state.seed, first, today, {
      kind: input.kind,
      gender: input.gender,
      birthDate: input.birthDate,
      passportExpiresOn: input.passportExpiresOn,
      ...(input.kind === 'resident'
        ? { nationality: input.nationality, iqamaExpiresOn: input.iqamaExpiresOn, sponsor: input.sponsor }
        : {}),
    });
    return insertPerson(tx, person);
  });
}

/** Dates a registry could hold: nobody born tomorrow or 120 years ago, no passport from before birth. */
function checkDates(input: AddPersonInput, today: string): void {
  const refuse = (field: string, problem: string): never => {
    throw new AppError('invalid_input', { issues: [{ field, problem }] });
  };
  if (input.birthDate !== undefined && (input.birthDate > today || input.birthDate < addDays(today, -120 * 366))) {
    refuse('birthDate', 'must be today or earlier, and less than 120 years ago');
  }
  if (input.passportExpiresOn !== undefined) {
    if (input.passportExpiresOn < addDays(today, -20 * 366) || input.passportExpiresOn > addDays(today, 10 * 366)) {
      refuse('passportExpiresOn', 'must be within 20 years before and 10 years after today');
    }
    if (input.birthDate !== undefined && input.passportExpiresOn <= input.birthDate) {
      refuse('passportExpiresOn', 'must be after the birth date');
    }
  }
  if (input.kind === 'resident' && input.iqamaExpiresOn !== undefined) {
    if (input.iqamaExpiresOn < addDays(today, -5 * 366) || input.iqamaExpiresOn > addDays(today, 5 * 366)) {
      refuse('iqamaExpiresOn', 'must be within 5 years of today');
    }
  }
}

// A service's eligibility refusals leave as 422 with the first rule's code; all of them are
// listed in details.refusals, each with its message in the caller's language.
import type { Refusal } from '../definition';

export class RuleRefusal extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.code).join(', '));
    this.name = 'RuleRefusal';
  }
}

// Conditions that a partial index's predicate names (`status = 'pending'`, `kind = 'notice'`,
// `status in (…open…)`) must reach PostgreSQL as literal SQL, not as bound values. Every
// statement is prepared once per connection (client.ts), and from its sixth run PostgreSQL may
// keep a generic plan, made without the values: such a plan cannot prove that a bound `$1`
// matches the index's predicate, so it ignores the partial index and reads the whole table,
// slower with every row the table gains. Written as constants, the generic plan uses the index.
import { eq, inArray, type Column, type SQL } from 'drizzle-orm';

/** `column = 'value'`, the value written into the statement (only for constants of the code). */
export function isConstant(column: Column, value: string): SQL {
  return eq(column, value).inlineParams();
}

/** `column in ('a', 'b', …)`, the values written into the statement (only for constants of the code). */
export function inConstants(column: Column, values: readonly string[]): SQL {
  return inArray(column, [...values]).inlineParams();
}

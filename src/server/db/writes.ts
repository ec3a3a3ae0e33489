// Several writes in one statement. PostgreSQL runs data-modifying CTEs exactly once, to
// completion, in the statement's snapshot, and the statement is atomic: a change, its event,
// its audit record and its SMS written this way commit together or not at all, in one round
// trip instead of one per INSERT plus BEGIN and COMMIT. Foreign keys are checked at the end
// of the statement, so a CTE may insert rows that refer to the main statement's row.
// The writes must not depend on each other's results (each sees the snapshot from before
// the statement): an event and an audit row beside the change they record, not a read of it.
import { getTableName, is, SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, type PgInsertValue, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

const dialect = new PgDialect();

/**
 * An INSERT kept as its table and values until it runs. It runs like any builder's SQL; beside
 * others, in a statement that is the same for every call but for its values, it lets that
 * statement be built once and prepared (`templateOf`, `writeTemplates`) instead of rebuilt
 * from the builders on every call.
 */
export class Insert implements SQLWrapper {
  constructor(
    private readonly ex: Executor,
    readonly table: PgTable,
    readonly values: Record<string, unknown>,
  ) {}

  getSQL(): SQL {
    return this.ex.insert(this.table).values(this.values as never).getSQL();
  }
}

export function insertInto<T extends PgTable>(ex: Executor, table: T, values: PgInsertValue<T>): Insert {
  return new Insert(ex, table, values as Record<string, unknown>);
}

/**
 * A row's values as a template: each value becomes the placeholder `<prefix><key>` (its value
 * added to `values`), except NULL and SQL without parameters, which stay in the statement and
 * so in its shape. `key` names the shape. Null when a value is SQL with parameters.
 */
export function templateOf(prefix: string, row: Record<string, unknown>, values: Record<string, unknown>): { key: string; template: Record<string, unknown> } | null {
  const template: Record<string, unknown> = {};
  const key: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    if (v === null) {
      template[k] = null;
      key.push(`${k}=null`);
    } else if (is(v, SQL)) {
      const text = constantText(v);
      if (text === null) return null;
      template[k] = v;
      key.push(`${k}=${text}`);
    } else {
      template[k] = sql.placeholder(`${prefix}${k}`);
      values[`${prefix}${k}`] = v;
      key.push(k);
    }
  }
  return { key: key.join(','), template };
}

/** The text of SQL without parameters (null when it has some), rendered once per SQL object. */
const constantTexts = new WeakMap<SQL, string | null>();
function constantText(v: SQL): string | null {
  let text = constantTexts.get(v);
  if (text === undefined) {
    const q = dialect.sqlToQuery(v);
    text = q.params.length > 0 ? null : q.sql;
    constantTexts.set(v, text);
  }
  return text;
}

/**
 * The writes as templates (`templateOf`, the i-th write's values prefixed `w<i>_`): their shape
 * and how to build them with placeholders. Null when one of them is not an `Insert`.
 */
export function writeTemplates(writes: ReadonlyArray<Write>, values: Record<string, unknown>): { key: string; build: (ex: Executor) => SQLWrapper[] } | null {
  const templates: Array<{ table: PgTable; template: Record<string, unknown> }> = [];
  const key: string[] = [];
  for (const [i, w] of present(writes).entries()) {
    if (!(w instanceof Insert)) return null;
    const t = templateOf(`w${i}_`, w.values, values);
    if (!t) return null;
    templates.push({ table: w.table, template: t.template });
    key.push(`${getTableName(w.table)}(${t.key})`);
  }
  return { key: key.join(';'), build: (ex) => templates.map((t) => ex.insert(t.table).values(t.template as never)) };
}

/** A write to run beside others; absent ones (null, false) are skipped. */
export type Write = SQLWrapper | null | undefined | false;

/** `ex.with(...)` carrying the writes: finish it with the main `insert`, `update` or `select`. */
export function alongside(ex: Executor, writes: ReadonlyArray<Write>) {
  const ctes = present(writes).map((w, i) => ex.$with(`w${i}`, {}).as(w.getSQL()));
  return ex.with(...ctes);
}

/** Runs the writes as one statement (nothing else to return). */
export async function writeAll(ex: Executor, writes: ReadonlyArray<Write>): Promise<void> {
  const list = present(writes);
  if (list.length === 0) return;
  if (list.length === 1) {
    await ex.execute(list[0]!.getSQL());
    return;
  }
  const ctes = list.map((w, i) => sql`${sql.identifier(`w${i}`)} as (${w.getSQL()})`);
  await ex.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
}

export function present(writes: ReadonlyArray<Write>): SQLWrapper[] {
  return writes.filter((w): w is SQLWrapper => !!w);
}

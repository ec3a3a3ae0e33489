// Recognizes PostgreSQL errors (from pg or PGlite, possibly wrapped by Drizzle) by SQLSTATE.
function pgError(err: unknown): { code?: string; constraint?: string; message?: string } | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const candidate = e as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as never;
    e = candidate.cause;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  if (e?.code !== '23505') return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(constraint);
}

/** A NOT NULL violation on the given table and column (PostgreSQL and PGlite both name them). */
export function isNotNullViolation(err: unknown, table: string, column: string): boolean {
  const e = pgError(err) as { code?: string; table?: string; column?: string; message?: string } | undefined;
  if (e?.code !== '23502') return false;
  if (e.table !== undefined || e.column !== undefined) return e.table === table && e.column === column;
  return (e.message ?? '').includes(`"${column}"`) && (e.message ?? '').includes(`"${table}"`);
}

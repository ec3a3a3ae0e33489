// Puts the server's refusal where the person will look for it: on the field it concerns.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import i18n from 'i18next';
import { ApiError } from '../api/client';

/** Refusal codes that concern one field though the server names none. */
export type CodeFieldMap<T extends FieldValues> = Partial<Record<string, Path<T>>>;

/**
 * Marks the fields an ApiError names (details.issues[].field, or a code known to concern a
 * field) and focuses the first. Returns false when the error is not about a field, for the
 * caller to show it as a whole-form message.
 */
export function applyApiErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  byCode: CodeFieldMap<T> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const named = err.issues.map((i) => i.field).filter((f): f is Path<T> => !!f && (fields as readonly string[]).includes(f));
  const unique = [...new Set(named)];
  const targets = unique.length > 0 ? unique : byCode[err.code] ? [byCode[err.code]!] : [];
  if (targets.length === 0) return false;
  targets.forEach((field, index) => {
    const message = targets.length === 1 ? err.message : index === 0 ? err.message : i18n.t('errors.checkField');
    setError(field, { type: 'server', message }, { shouldFocus: index === 0 });
  });
  return true;
}

/** A field's message: i18n keys from the form rules are translated, server text is shown as is. */
export function fieldMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.startsWith('validation.') ? i18n.t(message as never) : message;
}

/** The error when applyApiErrors would not place it on a field (to show above the form), else null. */
export function unplacedError(err: unknown, fields: readonly string[], byCode: Record<string, string> = {}): unknown {
  if (!err) return null;
  if (!(err instanceof ApiError)) return err;
  if (err.issues.some((i) => i.field && fields.includes(i.field))) return null;
  return byCode[err.code] ? null : err;
}

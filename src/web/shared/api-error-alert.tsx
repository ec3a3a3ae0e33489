import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';

/** The server's own message (already in the interface language), or why there is none. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    if (err instanceof ApiError) return err.message;
    if (err instanceof NetworkError) return t('errors.network');
    if (err instanceof Error && err.message === 'secure_context_required') return t('errors.secureContext');
    return t('errors.unexpected');
  };
}

export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="form-error" mb="md">
      {text(error)}
    </Alert>
  );
}

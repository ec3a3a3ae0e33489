import { Button, Checkbox, Group, Loader, Paper, ScrollArea, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Terms } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { PageHeading } from '../../shared/page-heading';

type Props = {
  submitting: boolean;
  error: unknown;
  onBack(): void;
  onAccept(): void;
};

export function TermsStep({ submitting, error, onBack, onAccept }: Props) {
  const { t, i18n } = useTranslation();
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState(false);
  const terms = useQuery({ queryKey: ['terms'], queryFn: () => api.get<Terms>('/api/v1/terms'), staleTime: Infinity });
  const text = terms.data ? (i18n.language === 'en' ? terms.data.text.en : terms.data.text.ar) : '';

  return (
    <form
      noValidate
      aria-labelledby="step-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!accepted) {
          setMissing(true);
          document.getElementById('accept-terms')?.focus();
          return;
        }
        onAccept();
      }}
    >
      <PageHeading order={2} id="step-title" focus>
        {t('registration.terms.title')}
      </PageHeading>
      <Text mb="md">{t('registration.terms.intro')}</Text>
      <ApiErrorAlert error={error} />
      {terms.isPending && <Loader aria-label={t('app.loading')} />}
      <ApiErrorAlert error={terms.error} />
      {terms.data && (
        <Paper withBorder radius="md" mb="md">
          <ScrollArea.Autosize mah={320} type="auto">
            <div
              tabIndex={0}
              role="region"
              aria-label={t('registration.terms.textLabel', { version: terms.data.version })}
              style={{ padding: 16, whiteSpace: 'pre-line' }}
              data-testid="terms-text"
            >
              <Text size="xs" c="dimmed" mb="xs">
                {t('registration.terms.version', { version: terms.data.version })}
              </Text>
              {text}
            </div>
          </ScrollArea.Autosize>
        </Paper>
      )}
      <Checkbox
        id="accept-terms"
        label={t('registration.terms.accept')}
        checked={accepted}
        onChange={(e) => {
          setAccepted(e.currentTarget.checked);
          if (e.currentTarget.checked) setMissing(false);
        }}
        error={missing ? t('validation.acceptTerms') : undefined}
        disabled={!terms.data}
        data-testid="accept-terms"
        mb="lg"
      />
      <Group>
        <Button type="submit" size="md" loading={submitting} disabled={!terms.data} data-testid="next">
          {t('registration.terms.submit')}
        </Button>
        <Button variant="default" size="md" onClick={onBack} disabled={submitting}>
          {t('common.back')}
        </Button>
      </Group>
    </form>
  );
}

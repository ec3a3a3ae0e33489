// Where a person is in a published sequence of steps. On narrow screens only the current
// step's name is shown; the others stay available to screen readers.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './step-indicator.module.css';

export function StepIndicator({ steps, current, label }: { steps: string[]; current: number; label: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb="xs" data-testid="step-of">
        {t('common.stepOf', { current: current + 1, total: steps.length })}
      </Text>
      <ol className={classes.list} aria-label={label}>
        {steps.map((name, i) => (
          <li key={name} className={classes.item} aria-current={i === current ? 'step' : undefined} data-done={i < current || undefined}>
            <span className={classes.dot} aria-hidden>
              {i < current ? '✓' : i + 1}
            </span>
            <span className={classes.label}>
              {name}
              {i < current && <span className="sr-only">{` (${t('common.done')})`}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

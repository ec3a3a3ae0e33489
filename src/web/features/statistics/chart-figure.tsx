// A chart with its text and table alternatives: the caption names the chart and says its
// totals, the drawing is hidden from assistive technology (it is not focusable either), and
// the same figures follow as a table under a disclosure, so that a screen reader, a keyboard
// or a magnifier gets every number the chart draws.
import { Box, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './chart-figure.module.css';

type Props = {
  id: string;
  title: string;
  /** The figures in a sentence or two. */
  summary: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Short tables are open from the start. */
  tableOpen?: boolean;
};

export function ChartFigure({ id, title, summary, chart, table, tableOpen }: Props) {
  const { t } = useTranslation();
  return (
    <figure className={classes.figure} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption>
        <Title order={3} size="h4" id={`${id}-title`} mb={4}>
          {title}
        </Title>
        <Text size="sm" mb="sm" data-testid={`chart-${id}-summary`}>
          {summary}
        </Text>
      </figcaption>
      <Box aria-hidden="true" className={classes.chart}>
        {chart}
      </Box>
      <details className={classes.details} open={tableOpen}>
        <summary className={classes.summary} data-testid={`chart-${id}-table-toggle`}>
          {t('statistics.supervisor.asTable')}
        </summary>
        {table}
      </details>
    </figure>
  );
}

// A titled card that is a landmark of its own: the section is named by its heading.
import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

// A wide table that scrolls sideways on a phone. The scrolling region takes keyboard focus and
// is named, so that a keyboard user can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}

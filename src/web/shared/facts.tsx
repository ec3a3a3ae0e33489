// Label–value pairs as a description list: read in order by screen readers, two columns on
// wide screens and one on phones.
import type { ReactNode } from 'react';
import classes from './facts.module.css';

export type Fact = { label: string; value: ReactNode; testId?: string };

export function Facts({ items }: { items: Fact[] }) {
  return (
    <dl className={classes.list}>
      {items.map((f) => (
        <div key={f.label} style={{ display: 'contents' }}>
          <dt className={classes.term}>{f.label}</dt>
          <dd className={classes.value} data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

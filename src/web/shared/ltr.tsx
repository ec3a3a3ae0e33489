// Identity numbers, mobiles, codes and amounts read left to right even inside Arabic text;
// <bdi dir="ltr"> isolates them so that the surrounding sentence keeps its order.
import type { ReactNode } from 'react';

export function Ltr({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <bdi dir="ltr" data-testid={testId}>
      {children}
    </bdi>
  );
}

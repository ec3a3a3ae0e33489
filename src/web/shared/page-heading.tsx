import { Title, type TitleOrder } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNavigated } from './navigation-focus';

type Props = {
  children: ReactNode;
  /** The document title, when this heading names the page. */
  documentTitle?: string;
  order?: TitleOrder;
  /** Take focus on mount even on a first load (a new step of a flow). */
  focus?: boolean;
  id?: string;
};

/** The heading of a page or of a step: sets the document title and receives focus on arrival. */
export function PageHeading({ children, documentTitle, order = 1, focus, id }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    if (documentTitle !== undefined) document.title = `${documentTitle} | ${t('app.name')}`;
  }, [documentTitle, t]);
  useEffect(() => {
    if (focus || hasNavigated()) ref.current?.focus({ preventScroll: false });
    // Only on arrival: re-renders must not steal focus from a field.
  }, []);
  return (
    <Title ref={ref} order={order} tabIndex={-1} id={id} style={{ outline: 'none' }} mb="md">
      {children}
    </Title>
  );
}

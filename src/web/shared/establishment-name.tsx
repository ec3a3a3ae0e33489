// The establishment that applied for a request: its name in the interface language, or its
// unified number (which reads left to right) when an older server did not send the name.
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../api/eservices';
import { pick } from '../api/pick';
import { Ltr } from './ltr';

export function EstablishmentName({ r }: { r: Pick<ServiceRequest, 'establishmentId' | 'establishmentName'> }) {
  const { i18n } = useTranslation();
  if (r.establishmentName) return <>{pick(r.establishmentName, i18n.language)}</>;
  return <Ltr>{r.establishmentId}</Ltr>;
}

// The other party of an authorization: their name in the interface language and the masked
// identity number, which reads left to right.
import { useTranslation } from 'react-i18next';
import type { Party } from '../api/eservices';
import { pick } from '../api/pick';
import { Ltr } from './ltr';

export function PartyName({ party }: { party: Party }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {party.name ? pick(party.name, i18n.language) : t('delegations.unnamed')} (<Ltr>{party.idNumberMasked}</Ltr>)
    </>
  );
}

// The dashboard's e-services: the holder's documents, the people they may act for, and their
// requests with the bills to pay.
import { Alert, Anchor, Badge, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyDocuments, usePeople, useRequests, type Bill, type DatePair, type RegistryDocument, type ServiceRequest } from '../../api/eservices';
import { pick } from '../../api/pick';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';
import { Money } from '../../shared/money';
import { PartyName } from '../../shared/party-name';
import { billStatusLabel, documentKindLabel, documentStatusColor, documentStatusLabel, relationLabel, requestStatusColor, requestStatusLabel } from '../eservices/labels';
import { Section } from '../../shared/section';

function Pending({ label }: { label: string }) {
  return <Loader size="sm" aria-label={label} />;
}

function Failed({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" variant="light" role="alert">
      {children}
    </Alert>
  );
}

export function StatusBadge({ color, children, testId }: { color: string; children: ReactNode; testId?: string }) {
  return (
    <Badge color={color} c={`${color}.9`} variant="light" radius="sm" size="lg" style={{ textTransform: 'none' }} data-testid={testId}>
      {children}
    </Badge>
  );
}

const dayOf = (d: DatePair) => <DualDate iso={d.gregorian} />;

function DocumentCard({ kind, doc }: { kind: string; doc: RegistryDocument }) {
  const { t } = useTranslation();
  const facts: Fact[] = [{ label: t('eservices.documents.number'), value: <Ltr>{doc.number}</Ltr> }];
  if (doc.issuedOn) facts.push({ label: t('eservices.documents.issuedOn'), value: dayOf(doc.issuedOn) });
  facts.push({ label: t('eservices.documents.expiresOn'), value: dayOf(doc.expiresOn) });
  facts.push({
    label: t('eservices.documents.status'),
    value: <StatusBadge color={documentStatusColor(doc.status)}>{documentStatusLabel(t, doc.status)}</StatusBadge>,
  });
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`document-${kind}`}>
      <Title order={3} size="h5" mb="xs">
        {documentKindLabel(t, kind)}
      </Title>
      <Facts items={facts} />
    </Card>
  );
}

export function MyDocuments() {
  const { t } = useTranslation();
  const docs = useMyDocuments();
  let body: ReactNode;
  if (docs.isPending) body = <Pending label={t('app.loading')} />;
  else if (docs.isError) body = <Failed>{t('eservices.documents.loadFailed')}</Failed>;
  else {
    const items: Array<{ key: string; kind: string; doc: RegistryDocument }> = [];
    if (docs.data.passport) items.push({ key: 'passport', kind: 'passport', doc: docs.data.passport });
    if (docs.data.iqama) items.push({ key: 'iqama', kind: 'iqama', doc: docs.data.iqama });
    for (const d of docs.data.issued) items.push({ key: `${d.kind}-${d.number}`, kind: d.kind, doc: d });
    body =
      items.length === 0 ? (
        <Text>{t('eservices.documents.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((i) => (
            <DocumentCard key={i.key} kind={i.kind} doc={i.doc} />
          ))}
        </SimpleGrid>
      );
  }
  return (
    <Section id="documents-title" title={t('eservices.documents.title')} testId="my-documents">
      {body}
    </Section>
  );
}

export function People() {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  let body: ReactNode;
  if (people.isPending) body = <Pending label={t('app.loading')} />;
  else if (people.isError) body = <Failed>{t('eservices.people.loadFailed')}</Failed>;
  else if (people.data.length === 0) body = <Text>{t('eservices.people.none')}</Text>;
  else
    body = (
      <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {people.data.map((p) => {
          const facts: Fact[] = [
            { label: t('eservices.people.idNumber'), value: <Ltr>{p.idNumber}</Ltr> },
            { label: t('eservices.people.relation'), value: relationLabel(t, p.relation, p.familyRelation) },
          ];
          if (p.passport)
            facts.push({
              label: t('eservices.people.passportExpiry'),
              value: (
                <>
                  {dayOf(p.passport.expiresOn)} <StatusBadge color={documentStatusColor(p.passport.status)}>{documentStatusLabel(t, p.passport.status)}</StatusBadge>
                </>
              ),
            });
          if (p.iqama)
            facts.push({
              label: t('eservices.people.iqamaExpiry'),
              value: (
                <>
                  {dayOf(p.iqama.expiresOn)} <StatusBadge color={documentStatusColor(p.iqama.status)}>{documentStatusLabel(t, p.iqama.status)}</StatusBadge>
                </>
              ),
            });
          return (
            <Card key={p.idNumber} withBorder radius="sm" padding="md" component="li" data-testid={`person-${p.idNumber}`}>
              <Title order={3} size="h5" mb="xs">
                {pick(p.name, i18n.language)}
              </Title>
              <Facts items={facts} />
            </Card>
          );
        })}
      </SimpleGrid>
    );
  return (
    <Section id="people-title" title={t('eservices.people.title')} testId="people">
      {body}
    </Section>
  );
}

export function BillFacts({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    { label: t('eservices.bills.number'), value: <Ltr>{bill.billNumber}</Ltr>, testId: 'bill-number' },
    { label: t('eservices.bills.amount'), value: <Money halalas={bill.amountHalalas} testId="bill-amount" /> },
    { label: t('eservices.bills.status'), value: <StatusBadge color={bill.status === 'paid' ? 'absher' : bill.status === 'unpaid' ? 'orange' : 'gray'} testId="bill-status">{billStatusLabel(t, bill.status)}</StatusBadge> },
  ];
  if (bill.status === 'unpaid') facts.push({ label: t('eservices.bills.expiresAt'), value: <DualDate iso={bill.expiresAt} /> });
  if (bill.paidAt) facts.push({ label: t('eservices.bills.paidAt'), value: <DualDate iso={bill.paidAt} /> });
  if (bill.receiptId) facts.push({ label: t('eservices.bills.receipt'), value: <Ltr>{bill.receiptId}</Ltr>, testId: 'bill-receipt' });
  if (bill.refundStatus) facts.push({ label: t('eservices.bills.refund'), value: t(`eservices.bills.refunds.${bill.refundStatus}`) });
  return <Facts items={facts} />;
}

function RequestCard({ r }: { r: ServiceRequest }) {
  const { t, i18n } = useTranslation();
  const facts: Fact[] = [
    { label: t('eservices.requests.status'), value: <StatusBadge color={requestStatusColor(r.status)}>{requestStatusLabel(t, r.status)}</StatusBadge> },
    { label: t('eservices.requests.beneficiary'), value: r.beneficiary.name ? pick(r.beneficiary.name, i18n.language) : <Ltr>{r.beneficiary.idNumber}</Ltr> },
    { label: t('eservices.requests.createdOn'), value: <DualDate iso={r.createdAt} /> },
    { label: t('eservices.requests.fee'), value: <Money halalas={r.fee.totalHalalas} /> },
  ];
  if (r.delegation) {
    // The delegate sees whom they acted for; the holder sees which delegate acted.
    facts.splice(2, 0, r.appliedByYou
      ? { label: t('eservices.requests.onBehalfOf'), value: <PartyName party={r.delegation.grantor} /> }
      : { label: t('eservices.requests.byDelegate'), value: <PartyName party={r.delegation.delegate} /> });
  }
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`request-${r.number}`}>
      <Title order={3} size="h5" mb="xs">
        {pick(r.serviceName, i18n.language)} — <Ltr>{r.number}</Ltr>
      </Title>
      <Facts items={facts} />
      {r.bills.map((b) => (
        <Card key={b.billNumber} withBorder radius="sm" padding="sm" mt="sm" bg="gray.0">
          <Text fw={700} size="sm" mb={4}>
            {t('eservices.bills.title')}
          </Text>
          <BillFacts bill={b} />
        </Card>
      ))}
      <Anchor component={Link} to={`/requests/${r.id}`} mt="sm" display="inline-block">
        {t('eservices.requests.open', { number: r.number })}
      </Anchor>
    </Card>
  );
}

export function MyRequests() {
  const { t } = useTranslation();
  const requests = useRequests();
  let body: ReactNode;
  if (requests.isPending) body = <Pending label={t('app.loading')} />;
  else if (requests.isError) body = <Failed>{t('eservices.requests.loadFailed')}</Failed>;
  else if (requests.data.length === 0) body = <Text>{t('eservices.requests.none')}</Text>;
  else
    body = (
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {requests.data.map((r) => (
          <RequestCard key={r.id} r={r} />
        ))}
      </Stack>
    );
  return (
    <Section id="requests-title" title={t('eservices.requests.title')} testId="my-requests">
      {body}
    </Section>
  );
}

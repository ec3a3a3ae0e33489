// Where a transfer of services stands: the worker's consent, the current establishment's
// release (or the waiver that made it needless), the payment, the labour ministry's approval,
// and the transfer recorded. Read from the request's status and history, so that a request
// that stopped says at which step, and why.
import { Badge, Group, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RequestStatus, ServiceRequest } from '../../api/eservices';
import { ar } from '../../i18n/ar';

export const STEPS = ['consent', 'release', 'payment', 'approval', 'recorded'] as const;
export type Step = (typeof STEPS)[number];
export type StepState = 'done' | 'current' | 'waiting' | 'waived' | 'stopped' | 'unreached';

/** The step each open status waits at. */
const WAITS_AT: Record<Exclude<RequestStatus, 'issued' | 'rejected' | 'cancelled'>, Step> = {
  awaiting_consent: 'consent',
  awaiting_release: 'release',
  awaiting_payment: 'payment',
  submitted: 'approval',
};

/** The step a settled request stopped at: the status it left, as its history says. */
function stoppedAt(r: ServiceRequest): Step {
  const last = r.events?.findLast((e) => e.to === r.status);
  const from = last?.from;
  if (from && from in WAITS_AT) return WAITS_AT[from as keyof typeof WAITS_AT];
  // Without the history (a list), a rejection is the ministry's or fulfilment's, a cancellation the consent's.
  return r.status === 'rejected' ? 'approval' : 'consent';
}

/** Whether the current establishment's release was needed: no releaseFrom means a waiver applied. */
function releaseWaived(r: ServiceRequest): boolean {
  return r.releaseFrom === null;
}

export function transferSteps(r: ServiceRequest): Array<{ step: Step; state: StepState }> {
  const settled = r.status === 'issued' || r.status === 'rejected' || r.status === 'cancelled';
  const at: Step | null = r.status === 'issued' ? null : settled ? stoppedAt(r) : WAITS_AT[r.status as keyof typeof WAITS_AT];
  const atIndex = at === null ? STEPS.length : STEPS.indexOf(at);
  return STEPS.map((step, i) => {
    if (step === 'release' && releaseWaived(r)) return { step, state: 'waived' };
    if (i < atIndex) return { step, state: 'done' };
    if (i === atIndex) return { step, state: settled ? 'stopped' : 'current' };
    return { step, state: settled ? 'unreached' : 'waiting' };
  });
}

const WAIVERS = ar.transfers.steps.waivers;

function waiverText(t: TFunction, r: ServiceRequest): string {
  const why = r.outcome?.summary?.['release'];
  return typeof why === 'string' && Object.prototype.hasOwnProperty.call(WAIVERS, why)
    ? t(`transfers.steps.waivers.${why as keyof typeof WAIVERS}`)
    : t('transfers.steps.states.waived');
}

const COLOURS: Record<StepState, string> = { done: 'absher', current: 'orange', waiting: 'gray', waived: 'blue', stopped: 'red', unreached: 'gray' };

export function TransferSteps({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const steps = transferSteps(r);
  return (
    <section aria-labelledby="transfer-steps-title" data-testid="transfer-steps">
      <Title order={2} size="h3" id="transfer-steps-title" mb="sm">
        {t('transfers.steps.title')}
      </Title>
      <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
        {steps.map(({ step, state }) => (
          <li key={step} aria-current={state === 'current' ? 'step' : undefined} data-testid={`transfer-step-${step}`} data-state={state} style={{ marginBottom: 6 }}>
            <Group gap="xs" wrap="wrap">
              <Text component="span" fw={state === 'current' ? 700 : 400}>
                {t(`transfers.steps.${step}`)}
              </Text>
              <Badge color={COLOURS[state]} variant="light" radius="sm" style={{ textTransform: 'none' }}>
                {state === 'waived' && r.status === 'issued' ? waiverText(t, r) : t(`transfers.steps.states.${state}`)}
              </Badge>
            </Group>
          </li>
        ))}
      </ol>
    </section>
  );
}

// Profession modification: an establishment changes the profession on a worker's iqama to
// another in the labour ministry's list, with the ministry's approval. Published: labour
// approval; not for domestic workers; SR1,000 (a dated parameter, fee_halalas).
//
// Our rules beside the published ones: the new profession must differ from the current one;
// the iqama must be valid and the worker not reported absent from work (the ministry would
// refuse both, and the establishment would have paid for nothing); the worker must still be
// sponsored by the establishment when the change is decided: by the registry, and by the
// transfers of services the directorate issued, which the registry hears of only after their
// commit (decided under the worker's sponsorship lock: ../transfers/sponsorship).
import { z } from 'zod';
import { refuse, type Refusal, type ServiceContext, type ServiceDefinition } from '../definition';
import { sponsoredWorker, sponsorshipRules } from '../transfers/sponsorship';
import { iqamaDaysLeft } from '../visas/shared';

const rules = {
  domestic_worker: {
    ar: 'تعديل المهنة لا يشمل العمالة المنزلية: لا يُعدَّل من مهنة منزلية ولا إليها.',
    en: 'Profession modification is not for domestic workers: neither from a domestic profession nor to one.',
  },
  unknown_profession: { ar: 'المهنة المطلوبة ليست في قائمة المهن لدى وزارة العمل.', en: 'The requested profession is not in the labour ministry’s list.' },
  same_profession: { ar: 'المهنة المطلوبة هي مهنة العامل الحالية.', en: 'The requested profession is the worker’s current one.' },
  iqama_not_valid: { ar: 'يجب أن تكون إقامة العامل سارية.', en: 'The worker’s iqama must be valid.' },
  absent_from_work: { ar: 'العامل مبلَّغ عن تغيبه عن العمل.', en: 'The worker is reported absent from work.' },
  not_sponsored_by_establishment: { ar: 'العامل لم يعد على كفالة المنشأة.', en: 'The worker is no longer sponsored by the establishment.' },
  labour_refused: { ar: 'لم توافق وزارة العمل على تعديل المهنة.', en: 'The labour ministry did not approve the profession change.' },
  ...sponsorshipRules,
} as const;

const input = z.strictObject({
  profession: z
    .string()
    .regex(/^[a-z_]{2,64}$/, 'a profession code from the labour ministry’s list')
    .describe('the new profession: a code from the labour ministry’s list of professions'),
});
type Input = z.infer<typeof input>;

function establishmentOf(ctx: ServiceContext) {
  // The engine gives every establishment_worker application its establishment.
  if (!ctx.establishment) throw new Error('profession_change without an establishment');
  return ctx.establishment;
}

export const professionChange: ServiceDefinition<Input> = {
  code: 'profession_change',
  name: { ar: 'تعديل المهنة', en: 'Profession modification' },
  description: {
    ar: 'تعديل مهنة عامل المنشأة في الإقامة إلى مهنة أخرى من قائمة وزارة العمل، بعد موافقة الوزارة. لا يشمل العمالة المنزلية.',
    en: 'Change the profession on an establishment worker’s iqama to another in the labour ministry’s list, once the ministry approves. Not for domestic workers.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['establishment_worker'],
  delegable: true,
  input,
  rules,
  async eligibility(ctx, i) {
    const refusals: Refusal[] = [];
    const est = establishmentOf(ctx);
    const [professions, worker] = await Promise.all([ctx.agencies.labour.professions(), ctx.agencies.labour.findWorker(ctx.beneficiary.idNumber)]);
    const current = ctx.beneficiary.profession;
    const wanted = professions.find((p) => p.code === i.profession);
    const currentIsDomestic = professions.some((p) => p.code === current && p.domestic);
    if (currentIsDomestic || wanted?.domestic) refusals.push(refuse(rules, 'domestic_worker'));
    if (!wanted) refusals.push(refuse(rules, 'unknown_profession', { profession: i.profession }));
    if (current === i.profession) refusals.push(refuse(rules, 'same_profession'));
    const iqamaDays = iqamaDaysLeft(ctx);
    if (iqamaDays === null || iqamaDays < 0) refusals.push(refuse(rules, 'iqama_not_valid'));
    if (worker?.absentFromWork) refusals.push(refuse(rules, 'absent_from_work'));
    // Asked again at fulfilment: a worker transferred meanwhile is another establishment's.
    if (ctx.beneficiary.sponsor?.kind !== 'establishment' || ctx.beneficiary.sponsor.id !== est.id) refusals.push(refuse(rules, 'not_sponsored_by_establishment'));
    return refusals;
  },
  feeLabels: { fee: { ar: 'رسوم تعديل المهنة', en: 'Profession modification fee' } },
  fee: (ctx) => [{ key: 'fee', amountHalalas: ctx.params.get('fee_halalas'), quantity: 1 }],
  conflictKey: (ctx) => `profession_change:${ctx.beneficiary.idNumber}`,
  exclusive: sponsoredWorker<Input>(),
  async approval(ctx, i, requestId) {
    const answer = await ctx.agencies.labour.requestApproval({
      reference: requestId,
      kind: 'profession_change',
      idNumber: ctx.beneficiary.idNumber,
      establishmentId: establishmentOf(ctx).id,
      details: { from: ctx.beneficiary.profession, to: i.profession },
    });
    return answer.approved ? [] : [refuse(rules, 'labour_refused', { reason: answer.reason })];
  },
  // Nothing to print: the iqama is not reissued, the registry records the new profession.
  // The outcome keeps what changed, for the establishment's history and the statistics.
  fulfil: async (_tx, ctx, i) => ({ documents: [], summary: { previousProfession: ctx.beneficiary.profession, profession: i.profession } }),
  afterIssue: (ctx, i) => ctx.agencies.registry.recordProfession(ctx.beneficiary.idNumber, i.profession),
};

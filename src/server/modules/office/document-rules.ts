// Which original document an officer may accept as proof of which kind of identity: citizens
// carry a national ID card, residents an iqama, and anyone a passport.
import type { IdentityKind } from '../../../domain/identity-number';

export const IDENTITY_DOCUMENTS = ['national_id', 'iqama', 'passport'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export const DOCUMENTS_BY_IDENTITY_KIND = {
  citizen: ['national_id', 'passport'],
  resident: ['iqama', 'passport'],
} as const satisfies Record<IdentityKind, readonly IdentityDocument[]>;

export function documentProvesIdentity(kind: IdentityKind, document: IdentityDocument): boolean {
  return (DOCUMENTS_BY_IDENTITY_KIND[kind] as readonly IdentityDocument[]).includes(document);
}

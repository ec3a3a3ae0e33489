// The blocklist: the common-password dictionary maintained by the zxcvbn-ts project (about
// 49,000 entries from public breach corpora), loaded once.
import { dictionary } from '@zxcvbn-ts/language-common';

let set: Set<string> | undefined;

export function isCommonPassword(candidate: string): boolean {
  set ??= new Set((dictionary.passwords as string[]).map((p) => p.toLowerCase()));
  return set.has(candidate);
}

// One line for people about a pack's signature and a change of signer, in the reader's language (the overlay's pack
// header and the options page).

import type { SignatureRecord, SignerChange } from '../../protocol/pack-records';
import { t } from './i18n';

export function signatureLine(
  signature: SignatureRecord | undefined | null,
  change?: SignerChange | null,
): string {
  const own = !signature
    ? t('sigNotChecked')
    : signature.state === 'unsigned'
      ? t('sigUnsigned')
      : signature.state === 'valid'
        ? signature.signer
          ? t('sigSignedBy', signature.signer, signature.keyId ?? '?')
          : t('sigSigned', signature.keyId ?? '?')
        : t('sigBroken', signature.reason ?? t('sigDoesNotVerify'));
  if (!change) return own;
  return change.to
    ? t('sigChangedKey', own, change.from, change.to)
    : t('sigChangedUnsigned', own, change.from);
}

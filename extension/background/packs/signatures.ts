// A pack copy's signature, checked as the copy is stored (WebCrypto Ed25519 in the service worker), and whether its
// signer differs from the key the source was known by. The extension only verifies: it never holds a private key.
import { verifyPackSignature } from '../../../annotations/format/signature';
import type { SignatureRecord, SignerChange, Source } from '../../../protocol/pack-records';

/** The signature of pack text (valid, broken or unsigned). Never throws. */
export async function signatureOfText(text: string): Promise<SignatureRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: 'unsigned' };
  }
  const status = await verifyPackSignature(value, crypto.subtle);
  if (status.state === 'unsigned') return { state: 'unsigned' };
  const out: SignatureRecord = { state: status.state };
  if (status.keyId) out.keyId = status.keyId;
  if (status.signer) out.signer = status.signer;
  if (status.state === 'invalid') out.reason = status.reason;
  return out;
}

/**
 * The signer bookkeeping of a source as a copy arrives: the first valid key is remembered for the source; a copy not
 * validly signed by the remembered key carries a SignerChange (the reader is warned, the pack still loads).
 */
export function signerBookkeeping(
  source: Pick<Source, 'signerKeyId'>,
  signature: SignatureRecord,
  now: number,
): { signerKeyId: string | undefined; change: SignerChange | undefined } {
  const key = signature.state === 'valid' ? signature.keyId : undefined;
  const known = source.signerKeyId;
  if (!known) return { signerKeyId: key, change: undefined };
  if (key === known) return { signerKeyId: known, change: undefined };
  return { signerKeyId: known, change: { from: known, to: key ?? null, at: now } };
}

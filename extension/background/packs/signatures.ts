// A pack copy's signature, checked as the copy is stored (WebCrypto Ed25519 in the service worker), and whether its
// signer differs from the key the source was known by. The extension only verifies: it never holds a private key.
import { verifyPackSignature } from '../../../annotations/format/signature';
import type { PackRecord, SignatureRecord, SignerChange } from '../../../protocol/pack-records';

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
 * The signer bookkeeping of a pack from a source (one record) as a new copy arrives: the first valid key is remembered;
 * a copy not validly signed by the remembered key carries a SignerChange (the reader is warned, the pack still loads).
 * Per pack, not per source: a registry or the shipped set holds packs of many authors.
 */
export function signerBookkeeping(
  previous: Pick<PackRecord, 'signerKeyId'>,
  signature: SignatureRecord,
  now: number,
): { signerKeyId: string | undefined; change: SignerChange | undefined } {
  const key = signature.state === 'valid' ? signature.keyId : undefined;
  const known = previous.signerKeyId;
  if (!known) return { signerKeyId: key, change: undefined };
  if (key === known) return { signerKeyId: known, change: undefined };
  return { signerKeyId: known, change: { from: known, to: key ?? null, at: now } };
}

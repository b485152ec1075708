// Number formatting shared by the popup, options and overlay: parameter counts and byte sizes a person can read, in
// the reader's language (1.2M / 1,2 M; 3.0 MB / 3,0 Mo).

import { formatNumber, t } from './i18n';

export function formatCount(n: number): string {
  if (n >= 1e4) {
    // One decimal only where it says something: 2.3M, but 12K, 25M and 123K.
    const leading = n / 1000 ** Math.floor(Math.log10(n) / 3);
    const digits = n >= 1e6 && leading < 10 ? 1 : 0;
    return formatNumber(n, { notation: 'compact', maximumFractionDigits: digits });
  }
  return formatNumber(n);
}

export function formatBytes(n: number): string {
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (n >= 1024 * 1024) return t('unitMegabytes', formatNumber(n / 1024 / 1024, oneDecimal));
  if (n >= 1024) return t('unitKilobytes', formatNumber(n / 1024, oneDecimal));
  return t('unitBytes', formatNumber(n));
}

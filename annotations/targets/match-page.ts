// Which packs apply to a page: the pure URL test the background runs locally (no visited URL leaves the browser).
import type { Pack } from '../format/types';
import { matchUrlPattern } from './url-glob';

export interface PageMatch {
  matched: boolean;
  /** The first pattern of targets.pages that matched. */
  pattern?: string;
}

export function matchPageUrl(pack: Pick<Pack, 'targets'>, url: string): PageMatch {
  const pattern = pack.targets.pages.find((p) => matchUrlPattern(p, url));
  return pattern === undefined ? { matched: false } : { matched: true, pattern };
}

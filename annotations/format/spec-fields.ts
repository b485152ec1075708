// The small field specs every part of the pack spec reuses (ids, aliases, names, Markdown, counts, shapes),
// so a limit or pattern label is written once.
import { LIMITS } from './limits';
import { arr, either, nul, num, str } from './schema-dsl';
import { PATTERNS } from './spec-terms';

export const localId = () =>
  str({
    min: 1,
    max: LIMITS.idLength,
    pattern: PATTERNS.localId,
    patternLabel: 'an id of letters, digits, . _ -',
  });
export const alias = () =>
  str({
    min: 1,
    max: LIMITS.aliasLength,
    pattern: PATTERNS.alias,
    patternLabel: 'an alias of letters, digits and _',
  });
export const name = () => str({ min: 1, max: LIMITS.nameLength });
export const markdown = () =>
  str({ max: LIMITS.markdownLength, description: 'Markdown with $TeX$ and {{live values}}' });
export const count = () => num({ integer: true, min: 0 });
export const urlPattern = () =>
  str({
    min: 1,
    max: LIMITS.urlPatternLength,
    pattern: PATTERNS.urlPattern,
    patternLabel: `a URL pattern like https://*.example.com/demo/* (at most ${LIMITS.urlPatternStars} *)`,
  });
export const fingerprint = () =>
  str({ pattern: PATTERNS.fingerprint, patternLabel: 'a lower-case hex SHA-256 (64 characters)' });
export const shape = () =>
  arr(
    either(count(), nul(), (v) => v !== null),
    { max: LIMITS.tensorRank + 2 },
  );
export const labels = () => arr(str({ max: LIMITS.nameLength }), { max: LIMITS.labels });
export const controlSetting = () =>
  either(num(), str({ min: 1, max: LIMITS.idLength }), (v) => typeof v === 'number');

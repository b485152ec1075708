// Shows what went wrong with a pack or source so a person can fix it: the file or URL, line:column, JSON pointer,
// reason and hint of every validation error.

import type { ValidationError } from '../../annotations/format/validate';
import { t } from '../ui/i18n';

export function ValidationErrors({ where, errors }: { where: string; errors: ValidationError[] }) {
  const shown = errors.slice(0, 20);
  return (
    <ul class="errors">
      {shown.map((e, i) => (
        <li key={i}>
          <code>
            {where}
            {e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''}
          </code>{' '}
          <code class="pointer">{e.pointer || '/'}</code> {e.reason}
          {e.hint && <span class="muted"> ({e.hint})</span>}
        </li>
      ))}
      {errors.length > shown.length && (
        <li class="muted">{t('problemsMore', errors.length - shown.length)}</li>
      )}
    </ul>
  );
}

export function ProblemNotice({
  where,
  reason,
  errors,
}: {
  where?: string;
  reason: string;
  errors?: ValidationError[];
}) {
  return (
    <div class="problem" role="alert">
      <p>
        {where && <code>{where}</code>}
        {where ? ': ' : ''}
        {reason}
      </p>
      {errors && errors.length > 0 && <ValidationErrors where={where ?? 'pack'} errors={errors} />}
    </div>
  );
}

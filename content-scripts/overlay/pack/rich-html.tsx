// Shows HTML from the annotations renderer (already sanitized by its DOMPurify allow-list: nothing else may be
// passed here) and brings it to life: live values filled and kept current, math in KaTeX's fonts, equation symbols
// linked to their tensors, and the values of the pack's controls ({{@control.top1}}) following the reader.

import { useLayoutEffect, useRef } from 'preact/hooks';
import { parseLiveValue } from '../../../annotations/format/live-values';
import type { Annotation } from '../../../annotations/format/types';
import { fitDisplayMath } from '../math/fit-math';
import { prepareMath } from '../math/pack-math';
import { linkSymbols } from '../math/symbol-links';
import { usePackUi } from './pack-context';
import { bindControlValues } from '../explorables/control-values';
import { useExplorables } from '../explorables/use-explorables';
import { packLanguage } from './pack-language';

export interface RichHtmlProps {
  /** Sanitized HTML from renderAnnotation / renderStep / renderMarkdown. */
  html: string;
  /** The equation whose bound symbols should be linked, when the HTML is one. */
  annotation?: Annotation;
  class?: string;
  id?: string;
}

export function RichHtml({ html, annotation, class: className, id }: RichHtmlProps) {
  const ref = useRef<HTMLDivElement>(null);
  const ui = usePackUi();
  const explorables = useExplorables();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const stop = new AbortController();
    prepareMath(el);
    fitDisplayMath(el, stop.signal);
    const unbinds: (() => void)[] = [];
    if (ui) {
      for (const span of el.querySelectorAll('[data-lit-live]')) {
        const format = span.getAttribute('data-lit-format');
        const parsed = parseLiveValue(
          `${span.getAttribute('data-lit-live') ?? ''}${format ? ` | ${format}` : ''}`,
        );
        if (parsed.ok) unbinds.push(ui.session.hub.bind(span, parsed.ref));
      }
      if (annotation?.kind === 'equation') linkSymbols(el, annotation, ui, stop.signal);
    }
    if (explorables) unbinds.push(bindControlValues(el, explorables));
    return () => {
      stop.abort();
      for (const unbind of unbinds) unbind();
    };
  }, [html, ui?.session.hub, explorables]);
  const { lang, dir } = packLanguage(ui?.session.active.pack, annotation);
  return (
    <div
      ref={ref}
      id={id}
      class={className}
      lang={lang}
      dir={dir}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

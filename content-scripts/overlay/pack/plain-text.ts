// Plain-text excerpts of rendered annotations for the places that show a line, not the note (outline rows, the
// orphans list): text only, TeX source of math left out, graph facts filled in. Parsed in an inert template, never
// attached.

export function plainText(html: string, max = 160, fill?: (placeholder: Element) => string | null): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll('annotation, .lit-error-message')) el.remove();
  // Live values that the graph alone answers (parameters, shapes) are filled in; the others stay "…".
  if (fill)
    for (const el of template.content.querySelectorAll('[data-lit-live]')) el.textContent = fill(el) ?? '…';
  const text = (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

// Plain-text excerpts of rendered annotations for the places that show a line, not the note (outline rows, the
// orphans list): text only, TeX source of math left out. Parsed in an inert template, never attached.

export function plainText(html: string, max = 160): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll('annotation, .lit-error-message')) el.remove();
  const text = (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

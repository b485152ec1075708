// Saves the report from the content script's isolated world: a Blob, an object URL and a plain anchor with
// `download` (no page script sees it; the anchor never enters the page's DOM). The URL is revoked afterwards.

export function downloadHtml(html: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

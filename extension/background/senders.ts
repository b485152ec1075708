// Who sent a runtime message, decided once for every handler: a content script (its tab, frame and URL), one of the
// extension's own pages, or neither. Pure: the browser's sender object and the extension's id and origin come in.

export interface ContentScriptSender {
  kind: 'content-script';
  tabId: number;
  frameId: number;
  /** The sending frame's URL as the browser reports it (never a field of the message). */
  url: string | null;
}

export interface ExtensionPageSender {
  kind: 'extension-page';
  url: string;
  /** The tab the page is shown in (the options page in a tab), or null (popup, prompt window). */
  tabId: number | null;
}

export type Sender = ContentScriptSender | ExtensionPageSender | { kind: 'unknown' };

/** Who may send a message type. */
export type Access = 'content-script' | 'extension-page' | 'any';

/** The fields of the browser's MessageSender this reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''): `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

export function classifySender(sender: MessageSenderLike, self: Self): Sender {
  if (sender.id !== self.id) return { kind: 'unknown' };
  if (sender.url?.startsWith(self.origin))
    return { kind: 'extension-page', url: sender.url, tabId: sender.tab?.id ?? null };
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { kind: 'unknown' };
  return { kind: 'content-script', tabId, frameId: sender.frameId ?? 0, url: sender.url ?? null };
}

export function admits(access: Access, sender: Sender): boolean {
  return access === 'any' || access === sender.kind;
}

// Why: the overlay lives in an open shadow root the page can script, so whatever stores, downloads, copies, fetches
// or asks for consent must run only on the reader's own input. `event.isTrusted` is the browser's word for that
// (page scripts cannot forge it; this content script's prototypes are not the page's), but some events the page's
// script causes are trusted too: a form's submit (`requestSubmit()`, `button.click()`), a checkbox's input/change
// (`label.click()`) and text input (`document.execCommand('insertText')`). So input, change and submit count only
// when a trusted intent (a key, a pointer, a beforeinput, a paste, a drop) reached the same element first, once each.

/** Events a person's input produces; in a guarded subtree every untrusted one is stopped before our handlers. */
const GUARDED = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
  'paste',
  'cut',
  'drop',
  'dragstart',
  'dragend',
  'dragover',
  'dragenter',
  'compositionend',
] as const;

/** Trusted events that show a person acting on an element: they allow that element one input and one change. */
const INTENT = new Set([
  'keydown',
  'beforeinput',
  'pointerdown',
  'mousedown',
  'click',
  'paste',
  'cut',
  'drop',
  'compositionend',
]);

let synthetic = false;

/**
 * Unit tests only (jsdom's events are never trusted): accept synthetic events. Refused outside vitest, and the
 * page cannot reach this module anyway (the content script's world is not the page's).
 */
export function acceptSyntheticEventsInTests(on: boolean): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env?.VITEST) throw new Error('acceptSyntheticEventsInTests is for unit tests only');
  synthetic = on;
}

/** The reader's own input: trusted by the browser (the page cannot forge it). */
export function isTrustedEvent(e: Event): boolean {
  return e.isTrusted || synthetic;
}

/** Wraps a handler that stores, downloads, copies, fetches or consents: it runs only on the reader's own input. */
export function onTrusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (isTrustedEvent(e)) handler(e);
  };
}

interface Intent {
  target: EventTarget | null;
  used: Set<string>;
}

const origin = (e: Event): EventTarget | null => e.composedPath()[0] ?? e.target;

/** Whether a trusted input, change or submit event follows the reader's own intent on that element (once each). */
function followsIntent(e: Event, intent: Intent): boolean {
  if (e.type === 'submit') {
    const submitter = (e as SubmitEvent).submitter ?? null;
    const ok = submitter !== null && intent.target === submitter && !intent.used.has('submit');
    if (ok) intent.used.add('submit');
    return ok;
  }
  const ok = intent.target === origin(e) && !intent.used.has(e.type);
  if (ok) intent.used.add(e.type);
  return ok;
}

/**
 * Guards a subtree (the authoring panel): untrusted input events never reach a handler inside it, and trusted input,
 * change and submit events only when they follow the reader's own key, pointer or text input on that element. A
 * refused submit is also kept from submitting. Returns the function that removes the guard.
 */
export function guardSubtree(
  el: EventTarget,
  /** The browser's own word unless a test says otherwise. */
  trusted: (e: Event) => boolean = (e) => e.isTrusted,
): () => void {
  const stop = new AbortController();
  const intent: Intent = { target: null, used: new Set() };
  const check = (e: Event) => {
    if (synthetic) return;
    let ok = trusted(e);
    if (ok && INTENT.has(e.type)) {
      intent.target = origin(e);
      intent.used = new Set();
    } else if (ok && (e.type === 'input' || e.type === 'change' || e.type === 'submit')) {
      ok = followsIntent(e, intent);
    }
    if (ok) return;
    // A refused click must not press a submit button either (activation runs even when propagation stops).
    if (e.type === 'click' || e.type === 'submit' || e.type === 'reset') e.preventDefault();
    e.stopImmediatePropagation();
    intent.target = null;
  };
  for (const type of GUARDED) el.addEventListener(type, check, { capture: true, signal: stop.signal });
  return () => stop.abort();
}

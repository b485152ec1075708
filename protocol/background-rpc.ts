// Everything the background service worker answers, by who sends it (content scripts, extension pages), as typed
// request → reply maps; and the one parser every incoming runtime message goes through.

import { parseDraftRequest, type DraftRpc } from './drafts';
import {
  parseContentPacksRequest,
  parsePagePacksRequest,
  type ContentPacksRpc,
  type PagePacksRpc,
} from './packs-messages';
import { parsePrefsRequest, type PrefsRpc } from './prefs-messages';
import type { RpcRequest } from './rpc';
import { parseBackgroundRequest, type FrameRpc, type TabStateRpc } from './runtime';

/**
 * Content scripts → background: their frame's findings, the overlay's files, packs, drafts and settings for their
 * frame.
 */
export interface ContentScriptRpc extends FrameRpc, ContentPacksRpc, DraftRpc, PrefsRpc {}

/** Extension pages (popup, options, the consent prompt) → background. */
export interface ExtensionPageRpc extends TabStateRpc, PagePacksRpc {}

/** Every request the background answers (a type named twice would not compile). */
export interface BackgroundRpc extends ContentScriptRpc, ExtensionPageRpc {}

export type RuntimeMessage = RpcRequest<BackgroundRpc>;
export type RuntimeMessageType = RuntimeMessage['type'];

/**
 * Validates any runtime message to the background: its type picks the area's validator; an unknown type or a bad
 * field is null. Content scripts run in renderers that a page may have compromised, so nothing is trusted.
 */
export function parseRuntimeMessage(v: unknown): RuntimeMessage | null {
  return (
    parseBackgroundRequest(v) ??
    parseContentPacksRequest(v) ??
    parseDraftRequest(v) ??
    parsePrefsRequest(v) ??
    parsePagePacksRequest(v)
  );
}

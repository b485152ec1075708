// Who drives a model's views now — the panel's "Try your own input", a pack's control, or the page (null) — as
// Preact state, so the panel and the pack's controls show the same "views show …" line.

import { useEffect, useState } from 'preact/hooks';
import type { ExploreSession, InputOwner } from './explore-session';

export function useViewsOwner(session: ExploreSession | null): InputOwner | null {
  const [owner, setOwner] = useState<InputOwner | null>(session?.owner ?? null);
  useEffect(() => {
    if (!session) return;
    setOwner(session.owner);
    const stop = new AbortController();
    session.on((e) => {
      if (e.type === 'mode') setOwner(e.owner);
    }, stop.signal);
    return () => stop.abort();
  }, [session]);
  return session ? owner : null;
}

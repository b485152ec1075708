// The overlay's one ExploreFeed per ContentApi, for the components that need it (the explore section, pack
// explorables): anyone holding the relay's api gets the same feed, so all of them drive the same views.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ContentApi } from '../../relay/content-api';
import { ExploreFeed } from './explore-feed';

const feeds = new WeakMap<ContentApi, ExploreFeed>();

/** The feed of this api (made on first use). Pass the relay's own api, not a feed's. */
export function exploreFeedFor(api: ContentApi): ExploreFeed {
  let feed = feeds.get(api);
  if (!feed) {
    feed = new ExploreFeed(api);
    feeds.set(api, feed);
    // A feed's own api maps to the same feed, so code handed feed.api finds it too.
    feeds.set(feed.api, feed);
  }
  return feed;
}

/** Set by ExploreForModel around the explore section. */
export const ExploreContext = createContext<ExploreFeed | null>(null);

export function useExploreFeed(): ExploreFeed | null {
  return useContext(ExploreContext);
}

// The one module that touches webextension-polyfill: everything else imports `browser` from here.

import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';

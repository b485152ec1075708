// The first-run page (welcome.html), opened by the background when Literate is installed: renders Welcome with the
// manifest's default sites and the reader's current shortcut for the overlay.

import { render } from 'preact';
import browser from '../browser';
import { defaultMatches } from '../permissions/site-access';
import { localizeDocument, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { siteLabels } from './sites';
import { Welcome } from './welcome';

const FALLBACK_SHORTCUT = 'Alt+Shift+L';

async function overlayShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'toggle-overlay')?.shortcut || FALLBACK_SHORTCUT;
  } catch {
    return FALLBACK_SHORTCUT;
  }
}

localizeDocument();
document.title = t('welcomeTitle');
void applyTheme(document.documentElement);
const sites = siteLabels(
  defaultMatches(browser.runtime.getManifest() as { content_scripts?: { matches?: string[] }[] }),
);
void overlayShortcut().then((shortcut) =>
  render(
    <Welcome sites={sites} shortcut={shortcut} openOptions={() => void browser.runtime.openOptionsPage()} />,
    document.getElementById('app')!,
  ),
);

// The first-run page's content: what Literate does, where it runs, how to enable another site, what never leaves
// the browser, and a demo to try. Pure view: the sites, the shortcut and the options action come from index.tsx.

import { t } from '../ui/i18n';

/** The official demo the page suggests (a shipped pack explains it; it is one of the default sites). */
export const DEMO_URL = 'https://storage.googleapis.com/tfjs-models/demos/mobilenet/index.html';

export interface WelcomeProps {
  sites: string[];
  shortcut: string;
  openOptions(): void;
}

export function Welcome({ sites, shortcut, openOptions }: WelcomeProps) {
  return (
    <>
      <h1>
        <img src="icons/icon-48.png" width={40} height={40} alt="" />
        {t('welcomeTitle')}
      </h1>
      <p class="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="where">
        <h2 id="where">{t('welcomeWhereHeading')}</h2>
        <p>{t('welcomeWhereText')}</p>
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              <code dir="ltr">{site}</code>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="other-sites">
        <h2 id="other-sites">{t('welcomeOtherSitesHeading')}</h2>
        <ol>
          <li>{t('welcomeOtherSitesStep1')}</li>
          <li>{t('welcomeOtherSitesStep2')}</li>
          <li>{t('welcomeOtherSitesStep3')}</li>
        </ol>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('welcomePrivacyHeading')}</h2>
        <ul>
          <li>{t('welcomePrivacyPages')}</li>
          <li>{t('welcomePrivacyModel')}</li>
          <li>{t('welcomePrivacyData')}</li>
        </ul>
        <p>{t('welcomePrivacyFetches')}</p>
      </section>

      <section aria-labelledby="try">
        <h2 id="try">{t('welcomeTryHeading')}</h2>
        <p>{t('welcomeTryText', shortcut)}</p>
        <div class="actions">
          <a class="primary" href={DEMO_URL} target="_blank" rel="noopener noreferrer">
            {t('welcomeTryLink')}
          </a>
          <button type="button" class="secondary" onClick={openOptions}>
            {t('welcomeOptionsButton')}
          </button>
        </div>
      </section>
    </>
  );
}

// Derives the Chrome and Firefox manifests from the one MV3 source manifest (pure, unit-tested).

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'literate@literate-extension.org';
export const FIREFOX_MIN_VERSION = '128.0';
export const CHROME_MIN_VERSION = '111';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
};

export function deriveManifest(source: Manifest, target: Target, version?: string): Manifest {
  const m: Manifest = structuredClone(source);
  if (version) m.version = version;
  if (target === 'chrome') {
    m.minimum_chrome_version = CHROME_MIN_VERSION;
    return m;
  }
  // Firefox runs MV3 backgrounds as event pages: give it `scripts`, keep `service_worker` for parity checks.
  const worker = m.background?.service_worker;
  if (worker) m.background = { scripts: [worker] };
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
  };
  delete m.minimum_chrome_version;
  return m;
}

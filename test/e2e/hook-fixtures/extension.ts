// Where the hook's e2e tests take the built extension from: dist/chrome, or LITERATE_EXTENSION_DIR (a private copy,
// so that a build running beside the tests cannot swap files under them).

import { launchWithExtension, type ExtensionSession } from '../harness';

export function launchLiterate(): Promise<ExtensionSession> {
  const dir = process.env.LITERATE_EXTENSION_DIR;
  return launchWithExtension(dir ? { extensionDir: dir } : {});
}

// The version `literate --version` prints: the repository's, which the published CLI package shares.
import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;

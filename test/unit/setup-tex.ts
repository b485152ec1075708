// Unit tests render packs the way the extension does once KaTeX's chunk is in: load it before any test runs.

import { loadTexEngine } from '../../annotations/render/tex-engine';

await loadTexEngine();

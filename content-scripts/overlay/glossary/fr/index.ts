// The glossary in French: the four text tables and the words inside the shared equations, as one translation.

import type { GlossaryTranslation } from '../types';
import { ACTIVATION_GLOSSARY_FR } from './activations';
import { GRAPH_OP_GLOSSARY_FR } from './graph-ops';
import { LAYER_GLOSSARY_FR } from './layers';
import { ONNX_OP_GLOSSARY_FR } from './onnx-ops';
import { TEX_WORDS_FR } from './tex-words';

export const GLOSSARY_FR: GlossaryTranslation = {
  lang: 'fr',
  layers: LAYER_GLOSSARY_FR,
  graphOps: GRAPH_OP_GLOSSARY_FR,
  onnxOps: ONNX_OP_GLOSSARY_FR,
  activations: ACTIVATION_GLOSSARY_FR,
  texWords: TEX_WORDS_FR,
  activationTitle: (name) => `Activation\u00a0: ${name}`,
  colon: '\u00a0: ',
};

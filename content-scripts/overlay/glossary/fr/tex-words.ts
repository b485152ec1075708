// The words inside the shared equations' \text{…}, in French: the equations stay one TeX string for every language
// and only these words change (a test fails when an equation gains a \text{…} missing here).

export const TEX_WORDS_FR: Readonly<Record<string, string>> = {
  '(predicting)': '(prédiction)',
  '(training)': '(entraînement)',
  ' kept with higher score': ' gardée avec un meilleur score',
  'keep ': 'garder ',
  axes: 'axes',
  axis: 'axe',
  default: 'défaut',
  depthwise: 'en profondeur',
  'fed value': 'valeur fournie',
  idx: 'idx',
  'in the border': 'dans la bordure',
  inside: 'à l’intérieur',
  mask: 'masque',
  or: 'ou',
  otherwise: 'sinon',
  shape: 'forme',
  targetShape: 'targetShape',
};

// French text of the activation glossary (../activations.ts), keyed as the English table; equations are shared.

import type { GlossaryTexts } from '../types';

export const ACTIVATION_GLOSSARY_FR: GlossaryTexts = {
  linear: {
    title: 'Linéaire (aucune)',
    summary: 'Aucune activation : les valeurs passent sans changement.',
  },
  relu: {
    title: 'ReLU',
    summary: 'Garde les valeurs positives et met les négatives à zéro.',
  },
  relu6: {
    title: 'ReLU6',
    summary: 'Garde les valeurs entre 0 et 6.',
  },
  elu: {
    title: 'ELU',
    summary: 'Garde les valeurs positives ; courbe les négatives en douceur vers −1.',
  },
  selu: {
    title: 'SELU',
    summary:
      'Une ELU mise à l’échelle qui garde les activations normalisées d’une couche à l’autre dans les réseaux profonds.',
  },
  sigmoid: {
    title: 'Sigmoïde',
    summary: 'Écrase les valeurs dans l’intervalle de 0 à 1.',
  },
  hardSigmoid: {
    title: 'Sigmoïde dure',
    summary: 'Une sigmoïde linéaire par morceaux, moins coûteuse.',
  },
  tanh: {
    title: 'Tangente hyperbolique',
    summary: 'Écrase les valeurs dans l’intervalle de −1 à 1.',
  },
  softplus: {
    title: 'Softplus',
    summary: 'Une version lisse de ReLU, sans l’angle en zéro.',
  },
  softsign: {
    title: 'Softsign',
    summary: 'Écrase les valeurs dans l’intervalle de −1 à 1, en douceur.',
  },
  softmax: {
    title: 'Softmax',
    summary: 'Transforme les scores en probabilités dont la somme vaut un.',
  },
  logSoftmax: {
    title: 'Log-softmax',
    summary: 'Le logarithme des probabilités du softmax.',
  },
  swish: {
    title: 'Swish',
    summary: 'L’entrée multipliée par sa propre sigmoïde : une ReLU lisse, légèrement non monotone.',
  },
  mish: {
    title: 'Mish',
    summary: 'Une fonction lisse proche de ReLU.',
  },
  gelu: {
    title: 'GELU',
    summary:
      'Pondère chaque valeur x par la probabilité qu’une variable gaussienne centrée réduite soit inférieure à x.',
  },
  gelu_new: {
    title: 'GELU (approximation par tanh)',
    summary: 'Une approximation rapide de GELU.',
  },
};

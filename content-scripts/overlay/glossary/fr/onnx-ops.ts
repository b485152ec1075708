// French text of the ONNX operator glossary (../onnx-ops.ts), keyed by the same op_type names; equations are shared.

import type { GlossaryText, GlossaryTexts } from '../types';

const globalAverage: GlossaryText = {
  title: 'Pooling moyen global',
  summary: 'Fait la moyenne de chaque canal sur toute l’image : un nombre par carte de caractéristiques.',
};
const LAYER_NORM_WHERE =
  'μ et σ² sont la moyenne et la variance sur les axes normalisés ; γ et β sont appris.';
const attention: GlossaryText = {
  title: 'Attention',
  summary:
    'Chaque position regarde toutes les autres : elle leur donne un score selon la similarité requête–clé et prend le mélange de leurs valeurs pondéré par ces scores.',
  where: 'Q, K et V sont des projections linéaires de l’entrée ; d_k est la taille d’une tête.',
};
const GELU_SUMMARY =
  'Une ReLU lisse : pondère chaque valeur x par la probabilité qu’une variable normale centrée réduite soit inférieure à x.';

export const ONNX_OP_GLOSSARY_FR: GlossaryTexts = {
  Conv: {
    title: 'Convolution',
    summary:
      'Fait glisser de petits filtres appris sur l’image ; chaque filtre produit un canal de sortie (une carte de caractéristiques) qui s’allume là où son motif apparaît.',
    where: 'W est le noyau ([canaux de sortie, canaux d’entrée, hauteur, largeur]), b le biais et s le pas.',
  },
  ConvTranspose: {
    title: 'Convolution transposée',
    summary:
      'Répartit chaque valeur d’entrée sur une zone apprise de la sortie : une convolution à rebours, pour suréchantillonner.',
  },
  Gemm: {
    title: 'Couche dense (Gemm)',
    summary: 'Chaque sortie est une somme pondérée de toutes les entrées plus un biais : une couche dense.',
    where:
      'A′ et B′ sont A et B, transposées quand transA / transB le demandent ; B contient les poids, C le biais.',
  },
  BatchNormalization: {
    title: 'Normalisation par lots',
    summary:
      'Normalise chaque canal avec la moyenne et la variance apprises pendant l’entraînement, puis le met à l’échelle et le décale.',
    where: 'μ et σ² sont la moyenne et la variance stockées ; γ (échelle) et β (biais) sont appris.',
  },
  InstanceNormalization: {
    title: 'Normalisation par instance',
    summary:
      'Normalise chaque canal de chaque image sur sa propre hauteur et sa propre largeur, puis le met à l’échelle et le décale.',
  },
  LayerNormalization: {
    title: 'Normalisation par couche',
    summary:
      'Ramène les caractéristiques de chaque position à une moyenne de 0 et une variance de 1 sur le dernier axe, puis applique une échelle et un décalage appris.',
    where: LAYER_NORM_WHERE,
  },
  SkipLayerNormalization: {
    title: 'Addition résiduelle + normalisation par couche',
    summary:
      'Ajoute la connexion résiduelle à l’entrée, puis applique la normalisation par couche (une seule opération fusionnée).',
    where: LAYER_NORM_WHERE,
  },
  AveragePool: {
    title: 'Pooling moyen',
    summary: 'Réduit chaque carte de caractéristiques en faisant la moyenne sur de petites fenêtres.',
    where: 'k est la taille de la fenêtre et s le pas.',
  },
  GlobalAveragePool: globalAverage,
  GlobalMaxPool: {
    title: 'Max pooling global',
    summary: 'Garde la plus grande valeur de chaque canal sur toute l’image.',
  },
  Flatten: {
    title: 'Aplatissement',
    summary:
      'Range toutes les valeurs qui suivent l’axe du lot sur une seule longue ligne, pour qu’une couche dense puisse la lire.',
  },
  Unsqueeze: {
    title: 'Ajout d’axes',
    summary: 'Insère des axes de taille 1 ; les valeurs ne changent pas.',
  },
  Attention: attention,
  MultiHeadAttention: { ...attention, title: 'Attention multi-têtes' },
  Gelu: { title: 'GELU', summary: GELU_SUMMARY },
  FastGelu: { title: 'GELU (approximation par tanh)', summary: GELU_SUMMARY },
  BiasGelu: { title: 'Biais + GELU', summary: GELU_SUMMARY },
  Erf: {
    title: 'Fonction d’erreur',
    summary: 'La fonction d’erreur de Gauss, appliquée à chaque valeur (une partie de la GELU exacte).',
  },
  HardSigmoid: {
    title: 'Sigmoïde dure',
    summary: 'Une sigmoïde linéaire par morceaux, moins coûteuse.',
  },
  HardSwish: {
    title: 'Hard swish',
    summary: 'Multiplie chaque valeur par une sigmoïde linéaire par morceaux d’elle-même.',
  },
  Clip: {
    title: 'Écrêtage',
    summary: 'Garde les valeurs entre un minimum et un maximum (ReLU6 est Clip(0, 6)).',
  },
  ReduceMean: {
    title: 'Moyenne',
    summary: 'Fait la moyenne des valeurs selon les axes indiqués.',
  },
  ReduceSum: {
    title: 'Somme',
    summary: 'Additionne les valeurs selon les axes indiqués.',
  },
  ReduceMax: {
    title: 'Maximum selon des axes',
    summary: 'Garde la plus grande valeur selon les axes indiqués.',
  },
  Dropout: {
    title: 'Dropout',
    summary: 'Rien en inférence : le dropout ne met des valeurs à zéro au hasard que pendant l’entraînement.',
  },
  Constant: {
    title: 'Constante',
    summary: 'Un tenseur fixe stocké dans le modèle.',
  },
  Input: {
    title: 'Entrée du modèle',
    summary: 'Là où les données de la page entrent dans le modèle.',
  },
  Where: {
    title: 'Where (sélection)',
    summary: 'Prend chaque valeur dans un tenseur ou dans l’autre, selon une condition.',
  },
  Resize: {
    title: 'Redimensionnement',
    summary:
      'Met l’image (ou les cartes de caractéristiques) à l’échelle d’une nouvelle hauteur et d’une nouvelle largeur.',
    where: 'équation du mode plus proche voisin ; les modes linéaires interpolent entre voisins.',
  },
};

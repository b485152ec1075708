// French text of the graph-op glossary (../graph-ops.ts), keyed by the same op names; equations are shared.

import type { GlossaryText, GlossaryTexts } from '../types';

const same = (text: GlossaryText, title?: string): GlossaryText => (title ? { ...text, title } : text);

const CONV_SUMMARY =
  'Fait glisser de petits filtres appris sur l’image ; chaque filtre produit un canal de sortie (une carte de caractéristiques) qui s’allume là où son motif apparaît.';
const conv2d: GlossaryText = {
  title: 'Convolution 2D',
  summary: CONV_SUMMARY,
  where: 'W est le noyau (une entrée Const) et s le pas.',
};
const depthwise: GlossaryText = {
  title: 'Convolution en profondeur',
  summary:
    'Filtre chaque canal d’entrée séparément avec son propre petit noyau, sans mélanger les canaux — un filtre spatial peu coûteux.',
  where: 'm est le multiplicateur de canaux, s le pas.',
};
const matmul: GlossaryText = {
  title: 'Produit matriciel',
  summary: 'Chaque sortie est une somme pondérée de toutes les entrées : le cœur d’une couche dense.',
};
const batchNorm: GlossaryText = {
  title: 'Normalisation par lots',
  summary:
    'Ramène chaque canal dans une plage stable grâce à des statistiques apprises pendant l’entraînement, puis applique une échelle et un décalage appris.',
  where: 'γ, β, μ et σ² sont les entrées Const (échelle, décalage, moyenne, variance).',
};
const add: GlossaryText = {
  title: 'Addition',
  summary: 'Additionne deux tenseurs élément par élément (en diffusant le plus petit sur le plus grand).',
};
const concat: GlossaryText = {
  title: 'Concaténation',
  summary: 'Met ses entrées bout à bout le long d’un axe.',
};
const identity: GlossaryText = {
  title: 'Identité',
  summary: 'Transmet son entrée sans changement ; les convertisseurs s’en servent pour nommer les sorties.',
};
const pad: GlossaryText = {
  title: 'Remplissage',
  summary: 'Ajoute une bordure autour du tenseur (des zéros, une constante ou un miroir du bord).',
};
const resizeBilinear: GlossaryText = {
  title: 'Redimensionnement bilinéaire',
  summary:
    'Redimensionne les images en mélangeant les quatre pixels les plus proches de chaque point d’échantillonnage.',
};
const divide: GlossaryText = {
  title: 'Division',
  summary: 'Divise un tenseur par un autre, élément par élément.',
};
const nms: GlossaryText = {
  title: 'Suppression des non-maxima',
  summary: 'Garde les boîtes de meilleur score et écarte celles qui les recouvrent trop.',
};
const select: GlossaryText = {
  title: 'Sélection',
  summary: 'Prend dans a là où la condition est vraie, sinon dans b.',
};
const gather: GlossaryText = {
  title: 'Collecte par indices',
  summary: 'Prend des lignes d’une table par leur indice (par exemple, une recherche de plongement).',
};

export const GRAPH_OP_GLOSSARY_FR: GlossaryTexts = {
  Placeholder: {
    title: 'Entrée',
    summary:
      'Là où les données entrent dans le graphe : la page y fournit un tenseur quand elle exécute le modèle.',
  },
  PlaceholderWithDefault: {
    title: 'Entrée avec valeur par défaut',
    summary: 'Une entrée qui prend une valeur stockée, sauf si la page en fournit une.',
  },
  Const: {
    title: 'Constante',
    summary:
      'Un tenseur stocké — le plus souvent des poids appris (un noyau ou un biais) — lu par les opérations qui s’en servent.',
  },
  Identity: identity,
  IdentityN: same(identity, 'Identité (plusieurs)'),
  StopGradient: {
    title: 'Arrêt du gradient',
    summary: 'Transmet son entrée sans changement ; ne compte que pour l’entraînement.',
  },
  Snapshot: same(identity, 'Instantané'),
  NoOp: {
    title: 'Opération vide',
    summary: 'Ne fait rien ; sert à ordonner d’autres opérations.',
  },
  Conv2D: conv2d,
  _FusedConv2D: {
    title: 'Convolution 2D fusionnée',
    summary:
      'Une convolution dont le biais et la fonction d’activation sont fusionnés en une seule étape : des filtres glissent sur l’image et chacun produit une carte de caractéristiques.',
    where: 'W est le noyau, b le biais, f l’activation fusionnée (voir fused_ops).',
  },
  Conv2DBackpropInput: {
    title: 'Convolution transposée',
    summary:
      'Suréchantillonne : répartit chaque valeur d’entrée sur une zone de la taille du filtre dans une sortie plus grande et additionne les recouvrements.',
  },
  Conv3D: {
    title: 'Convolution 3D',
    summary: 'Fait glisser des filtres 3D appris à travers un volume, un canal de sortie par filtre.',
  },
  DepthwiseConv2dNative: depthwise,
  DepthwiseConv2D: depthwise,
  FusedDepthwiseConv2dNative: {
    title: 'Convolution en profondeur fusionnée',
    summary:
      'Une convolution en profondeur dont le biais et la fonction d’activation sont fusionnés : chaque canal est filtré séparément.',
    where: depthwise.where,
  },
  MatMul: matmul,
  _FusedMatMul: {
    title: 'Produit matriciel fusionné',
    summary:
      'Une couche dense en une seule étape : sommes pondérées de toutes les entrées, plus le biais, passées par la fonction d’activation.',
  },
  BatchMatMul: same(matmul, 'Produit matriciel par lots'),
  BatchMatMulV2: same(matmul, 'Produit matriciel par lots'),
  Einsum: {
    title: 'Sommation d’Einstein',
    summary:
      'Multiplie des tenseurs et somme sur les indices communs donnés par une équation sous forme de texte.',
  },
  BiasAdd: {
    title: 'Ajout du biais',
    summary:
      'Ajoute un décalage appris à chaque canal, ce qui déplace le point où la fonction d’activation suivante s’enclenche.',
  },
  Add: add,
  AddV2: add,
  AddN: {
    title: 'Addition multiple',
    summary: 'Additionne un nombre quelconque de tenseurs élément par élément.',
  },
  Sub: {
    title: 'Soustraction',
    summary: 'Soustrait un tenseur d’un autre, élément par élément.',
  },
  Mul: {
    title: 'Multiplication',
    summary:
      'Multiplie deux tenseurs élément par élément (souvent pour mettre à l’échelle par une constante).',
  },
  RealDiv: divide,
  Div: divide,
  DivNoNan: {
    title: 'Division sûre',
    summary: 'Divise élément par élément, en donnant 0 là où le diviseur vaut 0.',
  },
  FloorDiv: {
    title: 'Division entière',
    summary: 'Divise et arrondit à l’entier inférieur, élément par élément.',
  },
  Maximum: {
    title: 'Maximum',
    summary: 'Prend la plus grande de deux valeurs, élément par élément.',
  },
  Minimum: {
    title: 'Minimum',
    summary: 'Prend la plus petite de deux valeurs, élément par élément.',
  },
  Pow: {
    title: 'Puissance',
    summary: 'Élève les valeurs à une puissance, élément par élément.',
  },
  SquaredDifference: {
    title: 'Différence au carré',
    summary: 'Élève au carré la différence de deux tenseurs, élément par élément.',
  },
  Square: {
    title: 'Carré',
    summary: 'Élève chaque valeur au carré.',
  },
  Sqrt: {
    title: 'Racine carrée',
    summary: 'Prend la racine carrée de chaque valeur.',
  },
  Rsqrt: {
    title: 'Inverse de la racine carrée',
    summary: 'Prend l’inverse de la racine carrée de chaque valeur (utilisé en normalisation).',
  },
  Exp: {
    title: 'Exponentielle',
    summary: 'Élève e à la puissance de chaque valeur.',
  },
  Log: {
    title: 'Logarithme',
    summary: 'Prend le logarithme népérien de chaque valeur.',
  },
  Neg: {
    title: 'Opposé',
    summary: 'Change le signe de chaque valeur.',
  },
  Abs: {
    title: 'Valeur absolue',
    summary: 'Retire le signe de chaque valeur.',
  },
  Reciprocal: {
    title: 'Inverse',
    summary: 'Prend l’inverse de chaque valeur.',
  },
  Floor: {
    title: 'Partie entière',
    summary: 'Arrondit chaque valeur à l’entier inférieur.',
  },
  Round: {
    title: 'Arrondi',
    summary: 'Arrondit chaque valeur à l’entier le plus proche.',
  },
  ClipByValue: {
    title: 'Écrêtage',
    summary: 'Limite chaque valeur à un intervalle.',
  },
  Relu: {
    title: 'ReLU',
    summary:
      'Garde les valeurs positives et met les négatives à zéro : l’interrupteur qui rend un réseau non linéaire.',
  },
  Relu6: {
    title: 'ReLU6',
    summary:
      'Garde les valeurs entre 0 et 6, en coupant en dessous et au-dessus (l’activation de MobileNet).',
  },
  LeakyRelu: {
    title: 'Leaky ReLU',
    summary: 'Comme ReLU, mais laisse passer une petite fraction des valeurs négatives.',
  },
  Prelu: {
    title: 'ReLU paramétrique',
    summary: 'Comme leaky ReLU, avec une pente apprise pour les valeurs négatives, une par canal.',
  },
  Elu: {
    title: 'ELU',
    summary: 'Garde les valeurs positives ; courbe les négatives en douceur vers −1.',
  },
  Selu: {
    title: 'SELU',
    summary:
      'Une ELU mise à l’échelle dont les constantes gardent les activations normalisées d’une couche à l’autre dans les réseaux profonds.',
  },
  Sigmoid: {
    title: 'Sigmoïde',
    summary:
      'Écrase chaque valeur dans l’intervalle de 0 à 1 — un interrupteur progressif ou une probabilité.',
  },
  Tanh: {
    title: 'Tangente hyperbolique',
    summary: 'Écrase chaque valeur dans l’intervalle de −1 à 1, centré sur zéro.',
  },
  Softplus: {
    title: 'Softplus',
    summary: 'Une version lisse de ReLU.',
  },
  Softsign: {
    title: 'Softsign',
    summary: 'Écrase les valeurs dans l’intervalle de −1 à 1, plus doucement que tanh.',
  },
  Softmax: {
    title: 'Softmax',
    summary:
      'Transforme un vecteur de scores en probabilités : toutes positives, de somme un, le plus grand score recevant la plus grande part.',
  },
  LogSoftmax: {
    title: 'Log-softmax',
    summary: 'Le logarithme des probabilités du softmax, calculé de façon numériquement stable.',
  },
  FusedBatchNorm: batchNorm,
  FusedBatchNormV2: batchNorm,
  FusedBatchNormV3: batchNorm,
  LRN: {
    title: 'Normalisation locale de la réponse',
    summary:
      'Divise chaque valeur par l’activité des canaux voisins, pour que les réponses fortes atténuent leurs voisines.',
  },
  MaxPool: {
    title: 'Max pooling',
    summary:
      'Garde la réponse la plus forte de chaque petite fenêtre : les cartes de caractéristiques rétrécissent, mais ce qui a été détecté reste.',
    where: 'k est la taille de la fenêtre (ksize) et s le pas.',
  },
  AvgPool: {
    title: 'Pooling moyen',
    summary: 'Remplace chaque petite fenêtre de chaque carte de caractéristiques par sa moyenne.',
  },
  MaxPool3D: {
    title: 'Max pooling (3D)',
    summary: 'Garde la plus grande valeur de chaque petite fenêtre 3D.',
  },
  AvgPool3D: {
    title: 'Pooling moyen (3D)',
    summary: 'Fait la moyenne de chaque petite fenêtre 3D.',
  },
  Mean: {
    title: 'Moyenne',
    summary:
      'Fait la moyenne selon les axes donnés — sur la hauteur et la largeur, c’est un pooling moyen global : un nombre par canal.',
  },
  Sum: {
    title: 'Somme',
    summary: 'Additionne les valeurs selon les axes donnés.',
  },
  Max: {
    title: 'Maximum selon des axes',
    summary: 'Prend la plus grande valeur selon les axes donnés.',
  },
  Min: {
    title: 'Minimum selon des axes',
    summary: 'Prend la plus petite valeur selon les axes donnés.',
  },
  Prod: {
    title: 'Produit',
    summary: 'Multiplie les valeurs selon les axes donnés.',
  },
  ArgMax: {
    title: 'Arg max',
    summary: 'Donne la position de la plus grande valeur — la classe prédite.',
  },
  ArgMin: {
    title: 'Arg min',
    summary: 'Donne la position de la plus petite valeur.',
  },
  TopKV2: {
    title: 'Top k',
    summary: 'Choisit les k plus grandes valeurs et leurs positions.',
  },
  Reshape: {
    title: 'Changement de forme',
    summary: 'Range les mêmes valeurs dans une nouvelle forme ; rien n’est calculé.',
  },
  Squeeze: {
    title: 'Suppression d’axes',
    summary: 'Retire les axes de taille 1 (par exemple le 1×1 qui reste après un pooling global).',
  },
  ExpandDims: {
    title: 'Ajout d’un axe',
    summary: 'Insère un axe de taille 1 dans la forme.',
  },
  Transpose: {
    title: 'Transposition',
    summary: 'Réordonne les axes du tenseur.',
  },
  ConcatV2: concat,
  Concat: concat,
  Pack: {
    title: 'Empilement',
    summary: 'Empile des tenseurs de même forme le long d’un nouvel axe.',
  },
  Unpack: {
    title: 'Dépilement',
    summary: 'Découpe un tenseur en tranches le long d’un axe.',
  },
  Split: {
    title: 'Découpage',
    summary: 'Coupe un tenseur en morceaux égaux le long d’un axe.',
  },
  SplitV: {
    title: 'Découpage',
    summary: 'Coupe un tenseur en morceaux de tailles données le long d’un axe.',
  },
  Slice: {
    title: 'Tranche',
    summary: 'Découpe un bloc rectangulaire du tenseur.',
  },
  StridedSlice: {
    title: 'Tranche à pas',
    summary: 'Découpe un bloc du tenseur, éventuellement avec un pas.',
  },
  Tile: {
    title: 'Pavage',
    summary: 'Répète le tenseur le long de ses axes.',
  },
  Gather: gather,
  GatherV2: {
    title: 'Collecte par indices',
    summary:
      'Prend des tranches d’un tenseur par leur indice le long d’un axe (par exemple, une recherche de plongement).',
  },
  GatherNd: {
    title: 'Collecte par indices (n-D)',
    summary: 'Prend des éléments ou des tranches par des indices multidimensionnels.',
  },
  OneHot: {
    title: 'Encodage one-hot',
    summary: 'Transforme chaque indice en un vecteur de zéros avec un seul un.',
  },
  Pad: pad,
  PadV2: pad,
  MirrorPad: {
    title: 'Remplissage en miroir',
    summary: 'Ajoute une bordure qui reflète le bord du tenseur.',
  },
  Cast: {
    title: 'Conversion de type',
    summary: 'Convertit les valeurs vers un autre type numérique (par exemple, des entiers en flottants).',
  },
  Shape: {
    title: 'Forme',
    summary: 'Donne la forme d’un tenseur sous la forme d’un petit tenseur d’entiers.',
  },
  Fill: {
    title: 'Remplissage par une valeur',
    summary: 'Crée un tenseur de forme donnée rempli d’une seule valeur.',
  },
  ZerosLike: {
    title: 'Zéros de même forme',
    summary: 'Crée un tenseur de zéros ayant la forme de son entrée.',
  },
  OnesLike: {
    title: 'Uns de même forme',
    summary: 'Crée un tenseur de uns ayant la forme de son entrée.',
  },
  Range: {
    title: 'Suite arithmétique',
    summary: 'Crée la suite début, début + pas, … jusqu’à une limite exclue.',
  },
  ResizeBilinear: resizeBilinear,
  ResizeNearestNeighbor: {
    title: 'Redimensionnement au plus proche voisin',
    summary: 'Redimensionne les images en recopiant le pixel le plus proche.',
  },
  CropAndResize: {
    title: 'Rognage et redimensionnement',
    summary: 'Découpe des boîtes dans les images et redimensionne chacune à une taille fixe.',
  },
  NonMaxSuppressionV2: nms,
  NonMaxSuppressionV3: nms,
  NonMaxSuppressionV5: nms,
  Equal: {
    title: 'Égalité',
    summary: 'Teste l’égalité de deux tenseurs, élément par élément.',
  },
  Greater: {
    title: 'Supérieur à',
    summary: 'Teste si a est plus grand que b, élément par élément.',
  },
  Less: {
    title: 'Inférieur à',
    summary: 'Teste si a est plus petit que b, élément par élément.',
  },
  Select: select,
  SelectV2: select,
};

// French text of the layer glossary (../layers.ts), keyed by the same class names; equations are shared.

import type { GlossaryTexts } from '../types';

const CONV_WHERE = 'W est le noyau, b le biais, s le pas et f la fonction d’activation.';
const POOL_WHERE = 'k est la taille de la fenêtre et s le pas.';
const DROPOUT_SUMMARY =
  'Pendant l’entraînement, met à zéro au hasard une fraction r des valeurs pour que le réseau ne dépende trop d’aucune unité ; en prédiction, laisse passer les valeurs sans changement.';
const NESTED_SUMMARY =
  'Un modèle entier utilisé comme une seule couche ; ses propres couches sont listées avant lui.';

export const LAYER_GLOSSARY_FR: GlossaryTexts = {
  InputLayer: {
    title: 'Entrée',
    summary:
      'Là où les données entrent dans le modèle : elle fixe la forme de l’entrée et transmet les valeurs sans changement.',
    where: 'b est la taille du lot (libre), d₁ … dₙ les dimensions de l’entrée.',
  },
  Dense: {
    title: 'Couche dense',
    summary:
      'Chaque sortie est une somme pondérée de toutes les entrées plus un biais, passée par la fonction d’activation.',
    where: 'W est le noyau (entrées × unités), b le biais et f la fonction d’activation.',
  },
  Conv1D: {
    title: 'Convolution 1D',
    summary:
      'Fait glisser des filtres appris le long d’une séquence ; chaque filtre produit un canal de sortie qui réagit là où son motif apparaît.',
    where: CONV_WHERE,
  },
  Conv2D: {
    title: 'Convolution 2D',
    summary:
      'Fait glisser de petits filtres appris sur l’image ; chaque filtre produit un canal de sortie (une carte de caractéristiques) qui s’allume là où son motif apparaît.',
    where: CONV_WHERE,
  },
  Conv3D: {
    title: 'Convolution 3D',
    summary:
      'Fait glisser des filtres 3D appris à travers un volume (ou une vidéo), un canal de sortie par filtre.',
    where: CONV_WHERE,
  },
  Conv2DTranspose: {
    title: 'Convolution transposée',
    summary:
      'Suréchantillonne : répartit chaque valeur d’entrée sur une zone de la taille du filtre dans une sortie plus grande et additionne les recouvrements (l’inverse d’une convolution à pas).',
    where: 'W est le noyau et s le pas ; un biais et une fonction d’activation suivent.',
  },
  DepthwiseConv2D: {
    title: 'Convolution en profondeur',
    summary:
      'Filtre chaque canal d’entrée séparément avec son propre petit noyau, sans mélanger les canaux — un filtre spatial peu coûteux.',
    where: 'm est le multiplicateur de profondeur (sorties par canal d’entrée), q < m.',
  },
  SeparableConv2D: {
    title: 'Convolution séparable',
    summary:
      'Une convolution en profondeur (chaque canal filtré seul) suivie d’une convolution ponctuelle 1×1 qui mélange les canaux.',
    where: 'D est le noyau en profondeur, P le noyau ponctuel.',
  },
  MaxPooling1D: {
    title: 'Max pooling (1D)',
    summary: 'Garde la plus grande valeur de chaque fenêtre le long de la séquence, ce qui la raccourcit.',
    where: POOL_WHERE,
  },
  MaxPooling2D: {
    title: 'Max pooling',
    summary:
      'Garde la réponse la plus forte de chaque petite fenêtre : les cartes de caractéristiques rétrécissent, mais ce qui a été détecté reste.',
    where: POOL_WHERE,
  },
  MaxPooling3D: {
    title: 'Max pooling (3D)',
    summary: 'Garde la plus grande valeur de chaque petite fenêtre 3D du volume.',
    where: POOL_WHERE,
  },
  AveragePooling1D: {
    title: 'Pooling moyen (1D)',
    summary: 'Remplace chaque fenêtre le long de la séquence par sa moyenne.',
    where: POOL_WHERE,
  },
  AveragePooling2D: {
    title: 'Pooling moyen',
    summary:
      'Remplace chaque petite fenêtre de chaque carte de caractéristiques par sa moyenne, ce qui réduit les cartes en douceur.',
    where: POOL_WHERE,
  },
  AveragePooling3D: {
    title: 'Pooling moyen (3D)',
    summary: 'Remplace chaque petite fenêtre 3D du volume par sa moyenne.',
    where: POOL_WHERE,
  },
  GlobalAveragePooling1D: {
    title: 'Pooling moyen global (1D)',
    summary: 'Fait la moyenne de chaque canal sur toute la séquence : un nombre par canal.',
  },
  GlobalAveragePooling2D: {
    title: 'Pooling moyen global',
    summary:
      'Fait la moyenne de chaque carte de caractéristiques sur toute l’image : un nombre par canal, qui dit à quel point cette caractéristique est présente.',
    where: 'H × W est la taille de chaque carte de caractéristiques.',
  },
  GlobalMaxPooling1D: {
    title: 'Max pooling global (1D)',
    summary: 'Prend la plus grande valeur de chaque canal sur toute la séquence.',
  },
  GlobalMaxPooling2D: {
    title: 'Max pooling global',
    summary:
      'Prend la réponse la plus forte de chaque carte de caractéristiques, où qu’elle soit dans l’image : un nombre par canal.',
  },
  BatchNormalization: {
    title: 'Normalisation par lots',
    summary:
      'Ramène chaque canal dans une plage stable grâce à des statistiques apprises pendant l’entraînement, puis applique une échelle et un décalage appris.',
    where:
      'μ et σ² sont la moyenne et la variance mobiles, γ l’échelle, β le décalage, ε une petite constante.',
  },
  LayerNormalization: {
    title: 'Normalisation par couche',
    summary:
      'Ramène les valeurs de chaque exemple à une moyenne nulle et une variance unitaire, puis applique une échelle et un décalage appris.',
    where: 'μ et σ² sont la moyenne et la variance sur les caractéristiques de l’exemple.',
  },
  Activation: {
    title: 'Activation',
    summary:
      'Applique une fonction fixe à chaque valeur séparément, ce qui permet au réseau de modéliser des relations non linéaires.',
  },
  ReLU: {
    title: 'ReLU',
    summary:
      'Garde les valeurs positives et met les négatives à zéro (avec, en option, un plafond, par exemple 6).',
    where: 'm est le plafond facultatif (maxValue) ; sans plafond, y = max(0, x).',
  },
  LeakyReLU: {
    title: 'Leaky ReLU',
    summary:
      'Comme ReLU, mais laisse passer une petite fraction des valeurs négatives au lieu de les mettre à zéro.',
    where: 'α est une petite pente, par exemple 0,3.',
  },
  PReLU: {
    title: 'ReLU paramétrique',
    summary: 'Comme leaky ReLU, mais la pente des valeurs négatives est apprise, une par canal.',
  },
  ELU: {
    title: 'ELU',
    summary: 'Garde les valeurs positives ; courbe les négatives en douceur vers −α au lieu de les couper.',
  },
  ThresholdedReLU: {
    title: 'ReLU à seuil',
    summary: 'Laisse passer les valeurs au-dessus d’un seuil θ et met les autres à zéro.',
  },
  Softmax: {
    title: 'Softmax',
    summary:
      'Transforme un vecteur de scores en probabilités : toutes positives, de somme un, le plus grand score recevant la plus grande part.',
  },
  Dropout: {
    title: 'Dropout',
    summary: DROPOUT_SUMMARY,
  },
  SpatialDropout1D: {
    title: 'Dropout spatial (1D)',
    summary:
      'Comme le dropout, mais retire des canaux entiers à la fois pendant l’entraînement ; ne fait rien en prédiction.',
  },
  SpatialDropout2D: {
    title: 'Dropout spatial',
    summary:
      'Comme le dropout, mais retire des cartes de caractéristiques entières à la fois pendant l’entraînement ; ne fait rien en prédiction.',
  },
  GaussianNoise: {
    title: 'Bruit gaussien',
    summary:
      'Ajoute un bruit aléatoire pendant l’entraînement, pour rendre le modèle robuste ; ne fait rien en prédiction.',
  },
  GaussianDropout: {
    title: 'Dropout gaussien',
    summary:
      'Multiplie les valeurs par un bruit aléatoire centré sur 1 pendant l’entraînement ; ne fait rien en prédiction.',
  },
  AlphaDropout: {
    title: 'Alpha dropout',
    summary:
      'Un dropout qui préserve la moyenne et la variance des réseaux SELU pendant l’entraînement ; ne fait rien en prédiction.',
  },
  Flatten: {
    title: 'Aplatissement',
    summary:
      'Déroule chaque exemple en un seul long vecteur, pour qu’une couche dense puisse le lire. Aucune valeur ne change.',
  },
  Reshape: {
    title: 'Changement de forme',
    summary: 'Range les mêmes valeurs dans une nouvelle forme ; rien n’est calculé.',
  },
  Permute: {
    title: 'Permutation des axes',
    summary: 'Réordonne les axes de chaque exemple (par exemple, échange lignes et colonnes).',
  },
  RepeatVector: {
    title: 'Répétition du vecteur',
    summary: 'Répète le vecteur d’entrée n fois pour former une séquence de copies.',
  },
  Concatenate: {
    title: 'Concaténation',
    summary: 'Met ses entrées bout à bout le long d’un axe (par défaut, les canaux).',
  },
  Add: {
    title: 'Addition',
    summary:
      'Additionne ses entrées élément par élément — souvent une connexion résiduelle qui permet à un bloc d’apprendre une correction.',
  },
  Subtract: {
    title: 'Soustraction',
    summary: 'Soustrait sa deuxième entrée de la première, élément par élément.',
  },
  Multiply: {
    title: 'Multiplication',
    summary: 'Multiplie ses entrées élément par élément (par exemple, une porte qui module un signal).',
  },
  Average: {
    title: 'Moyenne',
    summary: 'Fait la moyenne de ses entrées élément par élément.',
  },
  Maximum: {
    title: 'Maximum',
    summary: 'Prend le maximum de ses entrées élément par élément.',
  },
  Minimum: {
    title: 'Minimum',
    summary: 'Prend le minimum de ses entrées élément par élément.',
  },
  Dot: {
    title: 'Produit scalaire',
    summary:
      'Calcule le produit scalaire de ses deux entrées selon les axes donnés (par exemple, un score de similarité).',
  },
  ZeroPadding2D: {
    title: 'Remplissage par des zéros',
    summary:
      'Ajoute une bordure de zéros autour de chaque carte de caractéristiques, pour que la convolution suivante atteigne les bords.',
    where: 'p est la marge ajoutée de chaque côté.',
  },
  Cropping2D: {
    title: 'Rognage',
    summary: 'Retire une bordure de chaque carte de caractéristiques.',
  },
  UpSampling2D: {
    title: 'Suréchantillonnage',
    summary: 'Agrandit chaque carte de caractéristiques en répétant (ou en interpolant) ses pixels.',
    where: 's est le facteur de suréchantillonnage.',
  },
  Embedding: {
    title: 'Plongement',
    summary:
      'Cherche un vecteur appris pour chaque identifiant de jeton : une table avec une ligne par mot ou symbole.',
    where: 'E est la table de plongement (vocabulaire × dimensions), xₜ l’identifiant du jeton t.',
  },
  SimpleRNN: {
    title: 'Couche récurrente simple',
    summary: 'Lit une séquence pas à pas, en mêlant chaque entrée à une mémoire de ce qui précède.',
    where: 'W est le noyau, U le noyau récurrent, hₜ l’état après le pas t.',
  },
  SimpleRNNCell: {
    title: 'Cellule récurrente simple',
    summary: 'Un pas d’une couche récurrente simple.',
  },
  LSTM: {
    title: 'Mémoire à long et court terme (LSTM)',
    summary:
      'Lit une séquence pas à pas en gardant une cellule mémoire que des portes apprises décident d’oublier, de mettre à jour et de révéler — ce qui lui permet de transporter une information sur de longues distances.',
    where: 'i, f, o sont les portes d’entrée, d’oubli et de sortie ; c est la cellule mémoire, h la sortie.',
  },
  LSTMCell: {
    title: 'Cellule LSTM',
    summary: 'Un pas d’une LSTM : des portes décident quoi oublier, quoi stocker et quoi produire en sortie.',
  },
  GRU: {
    title: 'Unité récurrente à portes (GRU)',
    summary:
      'Lit une séquence pas à pas ; une porte de mise à jour décide, à chaque pas, quelle part de sa mémoire remplacer.',
    where: 'z est la porte de mise à jour, r la porte de réinitialisation.',
  },
  GRUCell: {
    title: 'Cellule GRU',
    summary: 'Un pas d’une GRU.',
  },
  ConvLSTM2D: {
    title: 'LSTM convolutive',
    summary: 'Une LSTM dont les portes sont des convolutions, pour des séquences d’images.',
  },
  RNN: {
    title: 'Couche récurrente',
    summary: 'Applique une cellule à une séquence, pas à pas, en transmettant son état d’un pas au suivant.',
  },
  StackedRNNCells: {
    title: 'Cellules récurrentes empilées',
    summary: 'Plusieurs cellules récurrentes appliquées l’une après l’autre à chaque pas.',
  },
  Bidirectional: {
    title: 'Bidirectionnelle',
    summary:
      'Fait passer une couche récurrente sur la séquence dans les deux sens et réunit les deux lectures.',
  },
  TimeDistributed: {
    title: 'Distribuée dans le temps',
    summary: 'Applique la même couche interne à chaque pas d’une séquence.',
  },
  Masking: {
    title: 'Masquage',
    summary:
      'Marque les pas de la séquence égaux à une valeur de remplissage, pour que les couches récurrentes suivantes les ignorent.',
  },
  Rescaling: {
    title: 'Mise à l’échelle',
    summary:
      'Multiplie chaque valeur par un facteur et ajoute un décalage (par exemple, ramène des pixels de 0–255 à 0–1).',
  },
  Resizing: {
    title: 'Redimensionnement',
    summary: 'Redimensionne les images à une hauteur et une largeur fixes.',
  },
  CenterCrop: {
    title: 'Rognage centré',
    summary: 'Découpe la région centrale H × W de chaque image.',
  },
  Sequential: {
    title: 'Modèle imbriqué',
    summary:
      'Un modèle entier utilisé comme une seule couche : ses propres couches (listées avant lui) s’exécutent l’une après l’autre.',
  },
  Model: {
    title: 'Modèle imbriqué',
    summary: NESTED_SUMMARY,
  },
  Functional: {
    title: 'Modèle imbriqué',
    summary: NESTED_SUMMARY,
  },
};

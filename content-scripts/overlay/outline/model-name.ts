// How a model is named in the panel: its own name, or for a graph model's bare file name, the folders it came from.

/** Folder names that say nothing about the model on their own: versions, formats, build folders. */
const GENERIC =
  /^(v?\d+([._]\d+)*|quant\d*|float\d*|uint\d+|classification|feature_vector|savedmodel|saved_model|web_model|tfjs|models?|static|dist|public|assets)$/i;

/** At most this many folders, read back from the file until one says something. */
const MAX_FOLDERS = 3;

/**
 * A readable title: a graph model's file name says little ('model.json'), its folders usually more. Folders are read
 * back from the file until one is not generic ('075', '1', 'quant2' are): '…/posenet/mobilenet/quant2/075/
 * model-stride16.json' → 'mobilenet/quant2/075 · model-stride16'.
 */
export function displayName(name: string, sourceUrl: string | null): string {
  if (!/\.json$/i.test(name) || !sourceUrl) return name;
  try {
    const parts = new URL(sourceUrl).pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const file = parts.pop();
    if (!file || parts.length === 0) return name;
    const folders: string[] = [];
    for (let i = parts.length - 1; i >= 0 && folders.length < MAX_FOLDERS; i--) {
      folders.unshift(parts[i]!);
      if (!GENERIC.test(parts[i]!)) break;
    }
    const stem = file.replace(/\.json$/i, '');
    return stem === 'model' ? folders.join('/') : `${folders.join('/')} · ${stem}`;
  } catch {
    return name;
  }
}

// An ESLint rule that keeps imports going down a floor: each zone of the tree lists what it may import (see
// eslint.config.js for the zones). Relative imports are resolved against the tree; Node built-ins are 'node:'.
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** The tree path an import specifier names, relative to the repository root, or 'node:' for a Node built-in. */
export function importTarget(specifier, fileFromRoot) {
  if (specifier.startsWith('.')) return join(dirname(fileFromRoot), specifier).split(sep).join('/');
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) return 'node:';
  return null; // a package from node_modules: not a zone matter
}

const under = (path, prefix) =>
  path === prefix ||
  path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/') ||
  (!prefix.endsWith('/') && path.startsWith(prefix + '.'));

/** The first zone whose `files` prefixes hold the file; its `allow` list is what the file may import. */
export function zoneOf(fileFromRoot, zones) {
  return zones.find(
    (z) =>
      z.files.some((p) => under(fileFromRoot, p)) && !(z.except ?? []).some((p) => under(fileFromRoot, p)),
  );
}

export function importAllowed(target, zone) {
  if (target === 'node:') return zone.node === true;
  return zone.allow.some((p) => under(target, p));
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'imports only go down a floor: each zone imports only what its allow list names' },
    schema: [
      {
        type: 'object',
        properties: { zones: { type: 'array' }, root: { type: 'string' } },
        required: ['zones'],
      },
    ],
    messages: {
      up: "{{zone}} may not import '{{specifier}}' ({{target}}): {{why}}",
    },
  },
  create(context) {
    const { zones, root = context.cwd } = context.options[0];
    const file = relative(root, context.filename).split(sep).join('/');
    const zone = zoneOf(file, zones);
    if (!zone) return {};
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const target = importTarget(source.value, file);
      if (target === null || importAllowed(target, zone)) return;
      context.report({
        node: source,
        messageId: 'up',
        data: {
          zone: zone.name,
          specifier: source.value,
          target: target === 'node:' ? 'a Node built-in' : target,
          why:
            target === 'node:'
              ? 'browser code never imports Node modules'
              : `it imports only ${zone.allow.join(', ')}`,
        },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

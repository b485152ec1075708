// Equation symbols bound to tensors (`W` → conv1's kernel): on hover or keyboard focus a symbol (or its row in the
// bindings list) shows a tooltip with the tensor, its shape and its live value, lights up its layer view and outline
// row, and rings its anchors on the page; Enter or a click opens its layer view. Everything written here is text.

import { t } from '../../../extension/ui/i18n';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { EquationAnnotation, SymbolBinding } from '../../../annotations/format/types';
import { resolveModelAnchor } from '../../../annotations/anchors/model-anchors';
import { formatLiveValue } from '../../../annotations/format/live-values';
import type { PackUi } from '../pack/pack-context';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const TIP_ID = 'lt-symbol-tip';

interface Bound {
  symbol: string;
  binding: SymbolBinding;
  alias: string | undefined;
  graphId: string | null;
  nodeId: string | null;
  role: string;
  description: string;
  shape: (number | null)[] | null;
}

function resolveBinding(symbol: string, binding: SymbolBinding, ui: PackUi): Bound {
  const { bindings } = ui.session;
  const anchor = resolveModelAnchor(
    { ...binding, type: 'ModelNodeSelector' },
    bindings.graphs,
    bindings.defaultAlias,
  );
  const alias = binding.model ?? bindings.defaultAlias;
  if (anchor.status === 'orphan')
    return {
      symbol,
      binding,
      alias,
      graphId: null,
      nodeId: null,
      role: binding.role ?? 'output',
      description: t('symbolNotBound', anchor.reason),
      shape: null,
    };
  return {
    symbol,
    binding,
    alias,
    graphId: anchor.graphId,
    nodeId: anchor.node?.id ?? null,
    role: anchor.tensor?.role ?? 'output',
    description: anchor.description,
    shape: anchor.tensor?.shape ?? null,
  };
}

function tipOf(container: Element): HTMLElement | null {
  const root = container.getRootNode() as ShadowRoot | Document;
  const host = root.querySelector?.('.lt');
  if (!host) return null;
  let tip = host.querySelector<HTMLElement>(`#${TIP_ID}`);
  if (!tip) {
    tip = document.createElement('div');
    tip.id = TIP_ID;
    tip.className = 'symbol-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    host.append(tip);
  }
  return tip;
}

function line(cls: string, label: string, value: string): HTMLElement {
  const p = document.createElement('p');
  p.className = cls;
  const name = document.createElement('span');
  name.className = 'tip-label';
  name.textContent = label;
  const v = document.createElement('span');
  v.className = 'tip-value mono';
  v.textContent = value;
  p.append(name, v);
  return p;
}

/** Fills the tooltip with text about `bound`; returns the element that holds the live value (if any). */
function fillTip(tip: HTMLElement, bound: Bound, symbolEl: Element | null): HTMLElement | null {
  tip.replaceChildren();
  const title = document.createElement('p');
  title.className = 'tip-title';
  if (symbolEl && symbolEl.namespaceURI === MATHML) {
    const math = document.createElementNS(MATHML, 'math');
    math.append(symbolEl.cloneNode(true));
    (math.firstChild as Element).removeAttribute('tabindex');
    title.append(math, ' ');
  }
  const what = document.createElement('span');
  what.textContent = bound.description;
  title.append(what);
  tip.append(title);
  // The description names the shape already ("conv1 (Conv2D) kernel [5, 5, 1, 8]").
  if (bound.shape && !bound.description.includes('['))
    tip.append(line('tip-line', 'Shape', formatLiveValue(bound.shape)));
  if (!bound.graphId || !bound.binding.stat || bound.binding.stat === 'shape') return null;
  const value = line('tip-line', bound.binding.stat, '…');
  tip.append(value);
  return value.querySelector('.tip-value');
}

/** Wires every bound symbol and binding row in `container`; everything is undone when `signal` aborts. */
export function linkSymbols(
  container: Element,
  annotation: EquationAnnotation,
  ui: PackUi,
  signal: AbortSignal,
): void {
  const bindings = annotation.body.bindings ?? {};
  const targets = [
    ...container.querySelectorAll('[data-lit-symbol]'),
    ...container.querySelectorAll('[data-lit-binding]'),
  ];
  if (targets.length === 0) return;
  const tip = tipOf(container);
  let shown: { el: Element; stop: () => void } | null = null;

  const hide = () => {
    if (!shown) return;
    shown.stop();
    shown = null;
  };
  const show = (el: Element) => {
    if (shown?.el === el) return;
    hide();
    const symbol = el.getAttribute('data-lit-symbol') ?? el.getAttribute('data-lit-binding') ?? '';
    const binding = bindings[symbol];
    if (!binding || !tip) return;
    const bound = resolveBinding(symbol, binding, ui);
    const symbolEl = el.hasAttribute('data-lit-symbol')
      ? el
      : ([...container.querySelectorAll('[data-lit-symbol]')].find(
          (e) => e.getAttribute('data-lit-symbol') === symbol,
        ) ?? null);
    const valueEl = fillTip(tip, bound, symbolEl);
    const unbind =
      valueEl && bound.alias
        ? ui.session.hub.bind(valueEl, {
            alias: bound.alias,
            ...(bound.nodeId !== null ? { node: bound.nodeId } : {}),
            ...(bound.role !== 'output' ? { role: bound.role as never } : {}),
            stat: bound.binding.stat!,
            ...(bound.binding.format ? { format: bound.binding.format } : {}),
          })
        : () => undefined;
    tip.hidden = false;
    el.setAttribute('aria-describedby', TIP_ID);
    const place = () =>
      void computePosition(el, tip, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(8), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    const stopPlace = autoUpdate(el, tip, place);
    if (bound.graphId && bound.nodeId) {
      ui.bus.setLinked({ graphId: bound.graphId, nodeId: bound.nodeId, role: bound.role });
      const anchors = ui.session.resolution.placed.flatMap((p) =>
        p.page && p.model?.graphId === bound.graphId && p.model.node?.id === bound.nodeId ? [p.page] : [],
      );
      ui.bus.setRings('symbol', anchors);
    }
    shown = {
      el,
      stop: () => {
        stopPlace();
        unbind();
        tip.hidden = true;
        el.removeAttribute('aria-describedby');
        ui.bus.setLinked(null);
        ui.bus.setRings('symbol', []);
      },
    };
  };
  const open = (el: Element) => {
    const symbol = el.getAttribute('data-lit-symbol') ?? el.getAttribute('data-lit-binding') ?? '';
    const binding = bindings[symbol];
    if (!binding) return;
    const bound = resolveBinding(symbol, binding, ui);
    if (bound.graphId && bound.nodeId) ui.openNode(bound.graphId, bound.nodeId);
  };

  for (const el of targets) {
    el.setAttribute('tabindex', '0');
    el.setAttribute('data-lt-bound', '');
    el.addEventListener('pointerenter', () => show(el), { signal });
    el.addEventListener('pointerleave', hide, { signal });
    el.addEventListener('focus', () => show(el), { signal });
    el.addEventListener('blur', hide, { signal });
    el.addEventListener('click', () => open(el), { signal });
    el.addEventListener(
      'keydown',
      (e) => {
        const key = (e as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          e.preventDefault();
          open(el);
        } else if (key === 'Escape' && shown) {
          // The tooltip closes first; a second Escape closes the panel.
          e.preventDefault();
          hide();
        }
      },
      { signal },
    );
  }
  signal.addEventListener('abort', hide, { once: true });
}

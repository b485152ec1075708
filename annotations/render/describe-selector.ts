// A model selector in words ("conv1 · the Conv2D"), for notes and for the authoring panel (which shows it without
// loading the Markdown renderer).

import type { ModelSelector } from '../format/types';

export function describeModelSelector(selector: Omit<ModelSelector, 'type'>): string {
  const parts: string[] = [];
  if (selector.model) parts.push(selector.model);
  if (selector.node !== undefined) parts.push(selector.node);
  if (selector.pattern !== undefined) parts.push(`nodes matching ${selector.pattern}`);
  if (selector.op !== undefined)
    parts.push(selector.nth === undefined ? `the ${selector.op}` : `${selector.op} #${selector.nth}`);
  if (selector.index !== undefined) parts.push(`node ${selector.index}`);
  if (selector.role) parts.push(selector.role);
  if (selector.channel !== undefined) parts.push(`channel ${selector.channel}`);
  if (selector.unit !== undefined) parts.push(`unit ${selector.unit}`);
  return parts.length > 0 ? parts.join(' · ') : 'the model';
}

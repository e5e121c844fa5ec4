import type { PluginInfo } from '../../api/types';

// Who else a toggle switches, as the host does it with cascade: turning a
// plugin off stops every enabled plugin that needs it (directly or not);
// turning it on starts every plugin it needs that is not running.
export function cascadeOf(plugins: PluginInfo[], id: string, enabling: boolean): PluginInfo[] {
  const byId = new Map(plugins.map((plugin) => [plugin.id, plugin]));
  const next = (plugin: PluginInfo) => (enabling ? plugin.requires : plugin.required_by);
  const seen = new Set<string>([id]);
  const queue = [id];
  const found: PluginInfo[] = [];
  while (queue.length > 0) {
    const current = byId.get(queue.shift()!);
    for (const other of current ? next(current) : []) {
      if (seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
      const plugin = byId.get(other);
      if (plugin && (enabling ? !(plugin.enabled && plugin.state === 'running') : plugin.enabled)) found.push(plugin);
    }
  }
  return found;
}

export const nameOf = (plugins: PluginInfo[], id: string) => plugins.find((plugin) => plugin.id === id)?.name ?? id;

import { signal } from '@preact/signals';
import { api } from '../api/client';
import { onEvent, onResync } from '../live/event_stream';

// The pages running plugins contribute (their manifest's `web` entry). The
// list follows plugin.started / plugin.stopped, so a page appears in the
// sidebar when its plugin starts and disappears when it stops.
export interface PluginPage {
  plugin: string;
  name: string;
  title: string;
  url: string;
}

export const pluginPages = signal<PluginPage[]>([]);

export async function loadPluginPages(): Promise<void> {
  try {
    const reply = await api<{ pages: PluginPage[] }>('/web-pages');
    pluginPages.value = reply.pages;
  } catch {
    // Keep the last list; the next event or reconnection loads it again.
  }
}

export function followPluginPages(): () => void {
  const stopEvents = onEvent(['plugin.started', 'plugin.stopped', 'plugin.faulted'], () => void loadPluginPages());
  const stopResync = onResync(() => void loadPluginPages());
  return () => {
    stopEvents();
    stopResync();
  };
}

import { t } from '../../shell/messages';
import { pluginPages } from '../../shell/plugin_pages';
import { Empty, Page } from '../../ui/page';

// A plugin's own page, in a frame of the same origin: it can call the API
// with the dashboard's token (localStorage "billing.token").
export function PluginFramePage({ plugin }: { plugin: string }) {
  const page = pluginPages.value.find((candidate) => candidate.plugin === plugin);
  if (!page) {
    return (
      <Page title={plugin}>
        <Empty>{t('plugin_stopped', { name: plugin })}</Empty>
      </Page>
    );
  }
  return (
    <Page title={page.title} subtitle={page.name}>
      <iframe class="plugin-frame" src={page.url} title={page.title} />
    </Page>
  );
}

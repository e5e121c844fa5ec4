import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function PluginsPage() {
  return <Page title={t('plugins')}><p class="muted">…</p></Page>;
}

import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function SettingsPage() {
  return <Page title={t('settings')}><p class="muted">…</p></Page>;
}

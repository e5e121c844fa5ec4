import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function BackupPage() {
  return <Page title={t('backup')}><p class="muted">…</p></Page>;
}

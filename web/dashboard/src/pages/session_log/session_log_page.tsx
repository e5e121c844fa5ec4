import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function SessionLogPage() {
  return <Page title={t('session_log')}><p class="muted">…</p></Page>;
}

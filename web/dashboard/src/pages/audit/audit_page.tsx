import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function AuditPage() {
  return <Page title={t('audit')}><p class="muted">…</p></Page>;
}

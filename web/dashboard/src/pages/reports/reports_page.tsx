import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function ReportsPage() {
  return <Page title={t('reports')}><p class="muted">…</p></Page>;
}

import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function TvOverviewPage() {
  return <Page title={t('tv_overview')}><p class="muted">…</p></Page>;
}

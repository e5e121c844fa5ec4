import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function PackagesPage() {
  return <Page title={t('packages')}><p class="muted">…</p></Page>;
}

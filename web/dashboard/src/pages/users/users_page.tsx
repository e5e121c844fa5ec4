import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function UsersPage() {
  return <Page title={t('users')}><p class="muted">…</p></Page>;
}

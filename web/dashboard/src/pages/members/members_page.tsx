import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function MembersPage() {
  return <Page title={t('members')}><p class="muted">…</p></Page>;
}

import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function MemberPage({ id }: { id: number }) {
  void id;
  return <Page title={t('members')}><p class="muted">…</p></Page>;
}

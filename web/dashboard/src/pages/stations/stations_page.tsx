import { t } from '../../shell/messages';
import { Page } from '../../ui/page';

// Placeholder: this page is being built.
export function StationsPage({ pairingCode }: { pairingCode?: string }) {
  void pairingCode;
  return <Page title={t('stations')}><p class="muted">…</p></Page>;
}

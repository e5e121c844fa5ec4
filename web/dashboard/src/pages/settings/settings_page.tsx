import { api } from '../../api/client';
import type { Settings } from '../../api/types';
import { can } from '../../auth/auth';
import { useResource } from '../../live/hooks';
import { Loaded, Page } from '../../ui/page';
import { t } from './messages';
import { MyAccount } from './my_account';
import { ShopSettingsForm } from './shop_settings_form';
import './settings.css';

// Everyone signed in reads the shop's settings; settings.manage changes
// them. Everyone changes their own password here.
export function SettingsPage() {
  const settings = useResource((signal) => api<Settings>('/settings', { signal }), [], ['settings.changed']);
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div class="settings-layout">
        <Loaded resource={settings}>
          {(current) => <ShopSettingsForm current={current} canManage={can('settings.manage')} onSaved={settings.setData} />}
        </Loaded>
        <MyAccount />
      </div>
    </Page>
  );
}

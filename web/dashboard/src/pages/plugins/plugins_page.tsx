import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { PluginInfo } from '../../api/types';
import { can } from '../../auth/auth';
import { errorMessage } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { ConfirmDialog } from '../../ui/dialog';
import { Empty, Loaded, Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { t } from './messages';
import { cascadeOf } from './plugin_cascade';
import { PluginCard } from './plugin_card';
import { PluginConfigDialog } from './plugin_config_dialog';
import './plugins.css';

interface Cascade {
  plugin: PluginInfo;
  enabled: boolean;
  others: PluginInfo[];
}

const CASCADE_CODES = ['plugin_required_by', 'plugin_requires_disabled'];

// Every plugin with its state, what it needs and adds, a switch
// (plugins.manage) and its settings form. Follows plugin.*.
export function PluginsPage() {
  const plugins = useResource((signal) => api<{ plugins: PluginInfo[] }>('/plugins', { signal }), [], ['plugin.*']);
  const canManage = can('plugins.manage');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [cascade, setCascade] = useState<Cascade | null>(null);
  const [configuring, setConfiguring] = useState<PluginInfo | null>(null);

  async function toggle(plugin: PluginInfo, enabled: boolean, withCascade = false) {
    setBusyId(plugin.id);
    try {
      await api(`/plugins/${encodeURIComponent(plugin.id)}`, { method: 'PUT', body: withCascade ? { enabled, cascade: true } : { enabled } });
      toast('success', t(enabled ? 'turned_on' : 'turned_off', { name: plugin.name }));
      setCascade(null);
      plugins.reload();
    } catch (failure) {
      // The host names who else must switch: offer to switch them together.
      if (!withCascade && failure instanceof ApiError && CASCADE_CODES.includes(failure.code)) {
        setCascade({ plugin, enabled, others: cascadeOf(plugins.data?.plugins ?? [], plugin.id, enabled) });
      } else {
        setCascade(null);
        toast('danger', errorMessage(failure));
        plugins.reload();
      }
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <Loaded resource={plugins}>
        {(data) => data.plugins.length === 0 ? <Empty /> : (
          <div class="grid plugin-grid">
            {data.plugins.map((plugin) => (
              <PluginCard
                key={plugin.id}
                plugin={plugin}
                plugins={data.plugins}
                canManage={canManage}
                busy={busyId === plugin.id}
                onToggle={(enabled) => toggle(plugin, enabled)}
                onConfigure={() => setConfiguring(plugin)}
              />
            ))}
          </div>
        )}
      </Loaded>
      {cascade && (
        <ConfirmDialog
          title={t(cascade.enabled ? 'cascade_on_title' : 'cascade_off_title', { name: cascade.plugin.name })}
          message={t(cascade.enabled ? 'cascade_on_body' : 'cascade_off_body', {
            name: cascade.plugin.name,
            names: cascade.others.map((plugin) => plugin.name).join(', '),
          })}
          confirmLabel={t(cascade.enabled ? 'cascade_on_confirm' : 'cascade_off_confirm')}
          danger={!cascade.enabled}
          busy={busyId === cascade.plugin.id}
          onConfirm={() => toggle(cascade.plugin, cascade.enabled, true)}
          onClose={() => setCascade(null)}
        />
      )}
      {configuring && <PluginConfigDialog plugin={configuring} canManage={canManage} onClose={() => setConfiguring(null)} />}
    </Page>
  );
}

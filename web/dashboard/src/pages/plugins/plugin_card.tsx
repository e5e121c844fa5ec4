import { ExternalLink, SlidersHorizontal, TriangleAlert } from 'lucide-preact';
import type { PluginInfo } from '../../api/types';
import { href } from '../../router/router';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Switch } from '../../ui/field';
import { t } from './messages';
import { nameOf } from './plugin_cascade';

const stateTone: Record<string, Tone> = { running: 'success', stopped: 'neutral', faulted: 'danger' };

function stateLabel(state: string): string {
  if (state === 'running') return t('state_running');
  if (state === 'faulted') return t('state_faulted');
  if (state === 'stopped') return t('state_stopped');
  return state;
}

interface Props {
  plugin: PluginInfo;
  plugins: PluginInfo[];
  canManage: boolean;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
  onConfigure: () => void;
}

export function PluginCard({ plugin, plugins, canManage, busy, onToggle, onConfigure }: Props) {
  const faulted = plugin.state === 'faulted';
  return (
    <article class={`card plugin-card plugin-card--${plugin.state}`} data-plugin={plugin.id} aria-labelledby={`plugin-${plugin.id}`}>
      <header class="plugin-card__header">
        <div class="plugin-card__title">
          <h2 id={`plugin-${plugin.id}`}>{plugin.name}</h2>
          <span class="faint mono">{plugin.id} · v{plugin.version}</span>
        </div>
        <Badge tone={stateTone[plugin.state] ?? 'warning'}>{stateLabel(plugin.state)}</Badge>
      </header>

      {plugin.reason && (
        <div class={`plugin-card__reason${faulted ? ' is-fault' : ''}`}>
          <TriangleAlert />
          <div>
            <strong>{faulted ? t('fault') : t('refused')}</strong>
            <p>{plugin.reason}</p>
          </div>
        </div>
      )}

      {plugin.description && <p class="muted plugin-card__description">{plugin.description}</p>}

      {plugin.web && (
        plugin.state === 'running' ? (
          <a class="plugin-card__page" href={href(`/p/${plugin.id}`)}>
            <ExternalLink />
            {t('page', { title: plugin.web.title })}
          </a>
        ) : (
          <span class="plugin-card__page faint">{t('page_when_running', { title: plugin.web.title })}</span>
        )
      )}

      <dl class="plugin-card__facts">
        {plugin.requires.length > 0 && (
          <>
            <dt>{t('requires')}</dt>
            <dd>{plugin.requires.map((id) => <Badge key={id}>{nameOf(plugins, id)}</Badge>)}</dd>
          </>
        )}
        {plugin.required_by.length > 0 && (
          <>
            <dt>{t('required_by')}</dt>
            <dd>{plugin.required_by.map((id) => <Badge key={id}>{nameOf(plugins, id)}</Badge>)}</dd>
          </>
        )}
        {plugin.permissions.length > 0 && (
          <>
            <dt>{t('permissions')}</dt>
            <dd>
              {plugin.permissions.map((permission) => (
                <Badge key={permission.name} tone="info" title={permission.name}>{permission.label}</Badge>
              ))}
            </dd>
          </>
        )}
        <dt>{t('bus')}</dt>
        <dd class="plugin-card__bus num">
          <span>{plugin.bus.delivered} {t('delivered')}</span>
          <span class={plugin.bus.dropped > 0 ? 'plugin-card__dropped' : undefined}>{plugin.bus.dropped} {t('dropped')}</span>
          <span>{plugin.bus.queued} {t('queued')}</span>
        </dd>
      </dl>
      <p class="faint plugin-card__meta">
        {[t('abi', { abi: plugin.sdk_abi }), t('routes', { n: plugin.routes }),
          t('websockets', { n: plugin.websockets, connections: plugin.connections })].join(' · ')}
      </p>

      <footer class="plugin-card__footer">
        {canManage ? (
          <Switch
            checked={plugin.enabled}
            disabled={busy}
            onChange={onToggle}
            label={<><span class="sr-only">{t('switch_name', { name: plugin.name })}</span>{t('switch_label')}</>}
          />
        ) : <span />}
        <Button small icon={<SlidersHorizontal />} aria-label={t('configure_name', { name: plugin.name })} onClick={onConfigure}>
          {t('configure')}
        </Button>
      </footer>
    </article>
  );
}

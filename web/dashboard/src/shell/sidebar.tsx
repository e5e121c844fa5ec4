import { LogOut } from 'lucide-preact';
import { signOut, user } from '../auth/auth';
import { liveStatus } from '../live/event_stream';
import { href, location } from '../router/router';
import { settings } from '../shop/settings';
import { Button } from '../ui/button';
import { LanguageSwitch } from './language_switch';
import { NotificationBell } from './notification_bell';
import { t } from './messages';
import { pluginPages } from './plugin_pages';
import { pluginPageIcon, routes } from './routes';

function isCurrent(path: string): boolean {
  const current = location.value.path;
  return path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);
}

function NavLink({ path, icon, label }: { path: string; icon: preact.ComponentChildren; label: string }) {
  return (
    <a class="nav__link" href={href(path)} aria-current={isCurrent(path) ? 'page' : undefined}>
      {icon}
      <span>{label}</span>
    </a>
  );
}

const liveLabels = { open: 'live_open', connecting: 'live_connecting', reconnecting: 'live_reconnecting', off: 'live_off' } as const;

export function Sidebar({ open }: { open: boolean }) {
  const sections = (['operations', 'admin'] as const).map((section) => ({
    section,
    items: routes.filter((route) => route.nav?.section === section && route.allowed()),
  }));
  return (
    <nav class={`sidebar${open ? ' is-open' : ''}`} aria-label={t('menu')}>
      <div class="sidebar__brand">
        <span class="sidebar__logo" aria-hidden="true">▶</span>
        <span class="sidebar__shop grow">{settings.value.shop_name}</span>
        <NotificationBell />
      </div>
      <div class="sidebar__scroll">
        {sections.map(({ section, items }) =>
          items.length === 0 ? null : (
            <div class="nav__section" key={section}>
              <div class="nav__heading">{t(section === 'operations' ? 'nav_operations' : 'nav_admin')}</div>
              {items.map((route) => (
                <NavLink key={route.path} path={route.path} icon={route.nav!.icon} label={t(route.nav!.label)} />
              ))}
            </div>
          ),
        )}
        {pluginPages.value.length > 0 && (
          <div class="nav__section" data-testid="plugin-pages">
            <div class="nav__heading">{t('nav_plugins')}</div>
            {pluginPages.value.map((page) => (
              <NavLink key={page.plugin} path={`/p/${page.plugin}`} icon={pluginPageIcon} label={page.title} />
            ))}
          </div>
        )}
      </div>
      <div class="sidebar__footer">
        <div class={`live live--${liveStatus.value}`} data-testid="live-status">
          <span class="live__dot" aria-hidden="true" />
          {t(liveLabels[liveStatus.value])}
        </div>
        <div class="row row--between">
          <div class="sidebar__user">
            <strong>{user.value?.display_name || user.value?.username}</strong>
            <span class="faint">{user.value?.username}</span>
          </div>
          <Button variant="ghost" small label={t('logout')} icon={<LogOut />} onClick={() => signOut('logged_out')} />
        </div>
        <LanguageSwitch />
      </div>
    </nav>
  );
}

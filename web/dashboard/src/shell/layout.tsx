import { useEffect, useState } from 'preact/hooks';
import { Menu } from 'lucide-preact';
import { PluginFramePage } from '../pages/plugin_frame/plugin_frame_page';
import { location, matchRoute } from '../router/router';
import { settings } from '../shop/settings';
import { Button } from '../ui/button';
import { Empty, Page } from '../ui/page';
import { ToastHost } from '../ui/toast';
import { t } from './messages';
import { NotificationBell } from './notification_bell';
import { routes } from './routes';
import { Sidebar } from './sidebar';

function CurrentPage() {
  const path = location.value.path;
  const plugin = matchRoute('/p/:plugin', path);
  if (plugin) return <PluginFramePage plugin={plugin.plugin} />;
  for (const route of routes) {
    const params = matchRoute(route.path, path);
    if (!params) continue;
    if (!route.allowed()) {
      return <Page title={t('forbidden')}><Empty>{t('forbidden_body')}</Empty></Page>;
    }
    return <>{route.render(params)}</>;
  }
  return <Page title={t('not_found')}><Empty><a href="#/">{t('not_found_body')}</a></Empty></Page>;
}

// The signed-in frame: the sidebar (a drawer on a phone), the current page,
// and the toasts.
export function Layout() {
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Following a link in the drawer closes it.
  useEffect(() => setDrawerOpen(false), [location.value.path]);

  return (
    <div class="shell">
      <header class="topbar">
        <Button variant="ghost" label={t('menu')} icon={<Menu />} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(!drawerOpen)} />
        <span class="topbar__shop grow">{settings.value.shop_name}</span>
        <NotificationBell />
      </header>
      <Sidebar open={drawerOpen} />
      {drawerOpen && <div class="drawer-backdrop" onClick={() => setDrawerOpen(false)} />}
      <main class="content" id="content">
        <CurrentPage key={location.value.path} />
      </main>
      <ToastHost />
    </div>
  );
}

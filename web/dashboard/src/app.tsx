import { useEffect } from 'preact/hooks';
import { authStatus, mustChangePassword, signOut, token, user } from './auth/auth';
import { startLive, stopLive } from './live/event_stream';
import { LoginPage } from './pages/login/login_page';
import { PasswordChangePage } from './pages/login/password_change_page';
import { followAttentionEvents } from './shell/attention';
import { Layout } from './shell/layout';
import { followNotifications, loadNotifications } from './shell/notifications';
import { followPluginPages, loadPluginPages } from './shell/plugin_pages';
import { followSettings, loadSettings } from './shop/settings';
import { Loading } from './ui/page';
import { ToastHost } from './ui/toast';

// While someone is signed in (and has a password of their own), the live
// stream runs and the shop's settings and plugin pages are kept current.
function SignedIn() {
  useEffect(() => {
    void loadSettings().catch(() => {});
    void loadPluginPages();
    void loadNotifications();
    const stops = [followSettings(), followPluginPages(), followAttentionEvents(), followNotifications()];
    startLive(() => token.value, () => signOut('expired'));
    return () => {
      stopLive();
      stops.forEach((stop) => stop());
    };
  }, [user.value?.id]);
  return <Layout />;
}

export function App() {
  if (authStatus.value === 'checking') return <Loading />;
  if (authStatus.value === 'signed_out') return <><LoginPage /><ToastHost /></>;
  if (mustChangePassword.value) return <><PasswordChangePage /><ToastHost /></>;
  return <SignedIn />;
}

import { useState } from 'preact/hooks';
import { Bell } from 'lucide-preact';
import { errorMessage } from '../i18n/common';
import { dateTime } from '../shop/settings';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Switch } from '../ui/field';
import { toast } from '../ui/toast';
import { chimeMuted, setChimeMuted } from './chime';
import { t } from './messages';
import {
  loadOlderNotifications, markAllRead, markRead, nextBeforeId, notifications, notificationsAvailable, unreadCount,
} from './notifications';
import './notifications.css';

// The bell with the unread count, and the notification centre it opens.
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  if (!notificationsAvailable.value) return null;
  const count = unreadCount.value;
  return (
    <>
      <button
        type="button"
        class="bell"
        aria-label={count > 0 ? t('notifications_unread', { n: count }) : t('notifications')}
        title={t('notifications')}
        onClick={() => setOpen(true)}
      >
        <Bell />
        {count > 0 && <span class="bell__count" data-testid="unread-count">{count > 99 ? '99+' : count}</span>}
      </button>
      {open && <NotificationCentre onClose={() => setOpen(false)} />}
    </>
  );
}

function NotificationCentre({ onClose }: { onClose: () => void }) {
  const [muted, setMuted] = useState(chimeMuted());
  const act = (work: Promise<void>) => work.catch((error) => toast('danger', errorMessage(error)));
  return (
    <Dialog title={t('notifications')} onClose={onClose} wide>
      <div class="row row--between">
        <Switch checked={!muted} onChange={(on) => { setChimeMuted(!on); setMuted(!on); }} label={t('sound')} />
        <Button small disabled={unreadCount.value === 0} onClick={() => act(markAllRead())}>{t('mark_all_read')}</Button>
      </div>
      {notifications.value.length === 0 ? (
        <p class="muted">{t('no_notifications')}</p>
      ) : (
        <ul class="notices">
          {notifications.value.map((item) => (
            <li key={item.id} class={`notice notice--${item.severity}${item.read ? '' : ' is-unread'}`}>
              <button type="button" class="notice__button" onClick={() => !item.read && act(markRead(item.id))}>
                <span class="notice__title">{item.title}</span>
                {item.body && <span class="notice__body">{item.body}</span>}
                <span class="notice__time faint">{dateTime(item.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {nextBeforeId.value !== null && <Button small onClick={() => act(loadOlderNotifications())}>{t('older')}</Button>}
    </Dialog>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Lock, MonitorPlay, Power, PowerOff, Volume1, Volume2, VolumeX } from 'lucide-preact';
import type { Station } from '../../../api/types';
import { errorMessage } from '../../../i18n/common';
import { time } from '../../../shop/settings';
import { Button } from '../../../ui/button';
import { toast } from '../../../ui/toast';
import { type AdbAction, type AdbTvStatus, sendAdbAction } from './adb_status';
import { t } from './messages';
import './tv_controls.css';

// The adb controls of one station's TV on its card: wake / sleep, volume,
// the console's HDMI input, the lock screen, and the last error.
export function TvControls({ station, tv }: { station: Station; tv: AdbTvStatus }) {
  const [level, setLevel] = useState(tv.volume ?? tv.default_volume);
  useEffect(() => setLevel(tv.volume ?? tv.default_volume), [tv.volume]);

  async function send(action: AdbAction, body?: { level: number }) {
    try {
      await sendAdbAction(station.id, action, body);
      toast('info', t('sent', { code: station.code }));
    } catch (failure) {
      toast('danger', station.code, errorMessage(failure));
    }
  }

  const button = (action: AdbAction, label: string, icon: preact.ComponentChildren) => (
    <Button small variant="ghost" label={label} icon={icon} onClick={() => void send(action)} />
  );
  const connection = tv.connection === 'connected' ? t('connection_connected')
    : tv.connection === 'unauthorized' ? t('connection_unauthorized')
    : tv.connection === 'no_address' ? t('connection_no_address')
    : t('connection_other', { state: tv.connection });

  return (
    <div class="tv-controls" role="group" aria-label={t('controls', { code: station.code })}>
      <div class="tv-controls__row">
        {button('wake', t('wake'), <Power />)}
        {button('sleep', t('sleep'), <PowerOff />)}
        {button('hdmi', t('hdmi'), <MonitorPlay />)}
        {button('kiosk', t('kiosk'), <Lock />)}
      </div>
      <div class="tv-controls__row">
        {button('mute', t('mute'), <VolumeX />)}
        {button('volume-down', t('volume_down'), <Volume1 />)}
        <input
          type="range"
          class="tv-controls__volume"
          min={0}
          max={tv.volume_max}
          value={level}
          aria-label={t('volume')}
          onInput={(event) => setLevel(Number(event.currentTarget.value))}
          onChange={(event) => void send('set-volume', { level: Number(event.currentTarget.value) })}
        />
        <span class="tv-controls__level num">{level}</span>
        {button('volume-up', t('volume_up'), <Volume2 />)}
      </div>
      <div class={`tv-controls__state tv-controls__state--${tv.connection}`}>
        {connection}
        {tv.queue_length > 0 && <span class="faint"> · {t('queued', { n: tv.queue_length })}</span>}
      </div>
      {tv.last_error && (
        <div class="tv-controls__error" role="status">
          {time(tv.last_error.at_ms)} · {t('last_error', { action: tv.last_error.action, message: tv.last_error.message })}
        </div>
      )}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Balance, Package, Session, Station } from '../../api/types';
import { can } from '../../auth/auth';
import { serverNow } from '../../components/countdown';
import { tc } from '../../i18n/common';
import { money, settings, time } from '../../shop/settings';
import { Button } from '../../ui/button';
import { FormDialog } from '../../ui/form_dialog';
import { Checkbox, Field, Select, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { ModeSwitch } from './mode_switch';
import { extensionPrice, rateAt } from '../../pricing/tariff';
import { walkInPackages } from './start_dialog';

type ExtendMode = 'minutes' | 'package';
const QUICK_MINUTES = [15, 30, 60];
const MAX_MINUTES = 24 * 60;

// Whole minutes 1..1440 typed by the operator, or null.
export function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= MAX_MINUTES ? minutes : null;
}

interface ExtendDialogProps {
  station: Station;
  session: Session;
  packages: Package[];
  onClose: () => void;
}

// More time for a fixed session: minutes at the package's pro-rata price,
// or another package, paid or (for a member) from their balance.
export function ExtendDialog({ station, session, packages, onClose }: ExtendDialogProps) {
  const [mode, setMode] = useState<ExtendMode>('minutes');
  const [minutesText, setMinutesText] = useState('30');
  const [packageId, setPackageId] = useState('');
  const [useBalance, setUseBalance] = useState(false);
  const [balances, setBalances] = useState<Balance[] | null>(null);

  // A member's units decide which packages can come from the balance.
  useEffect(() => {
    if (session.member_id === null || !can('members.view')) return;
    api<{ balances: Balance[] }>(`/members/${session.member_id}/balances`)
      .then((reply) => setBalances(reply.balances))
      .catch(() => setBalances(null));
  }, [session.member_id]);

  const now = serverNow();
  const zone = settings.value.time_zone;
  const current = packages.find((pkg) => pkg.id === session.package_id);
  const minutes = parseMinutes(minutesText);
  const unitsOf = (id: number) => balances?.find((balance) => balance.package_id === id)?.units ?? 0;
  const offered = walkInPackages(packages, station).filter((pkg) => !useBalance || balances === null || unitsOf(pkg.id) > 0);
  const chosen = offered.find((pkg) => String(pkg.id) === packageId) ?? offered[0];

  const price = mode === 'minutes'
    ? (current && minutes ? extensionPrice(current, now, minutes, zone) : null)
    : (chosen ? (useBalance ? 0 : rateAt(chosen, now, zone)) : null);
  const addedMinutes = mode === 'minutes' ? minutes : chosen?.duration_minutes ?? null;
  // A paused session's deadline moves when it resumes: no end to promise.
  const newEnd = session.state === 'running' && session.deadline_at && addedMinutes
    ? Date.parse(session.deadline_at) + addedMinutes * 60_000 : null;
  const ready = price !== null;

  const submission = useSubmit(async () => {
    if (!ready) return;
    const body = mode === 'minutes' ? { minutes } : { package_id: chosen!.id, ...(useBalance ? { use_balance: true } : {}) };
    await api(`/sessions/${session.id}/extend`, { body });
    toast('success', t('extended', { code: station.code }));
    onClose();
  });

  return (
    <FormDialog
      title={t('extend_title', { code: station.code })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('extend')}
      canSubmit={ready}
    >
      <ModeSwitch
        label={t('mode')}
        value={mode}
        options={[{ value: 'minutes', label: t('extend_minutes') }, { value: 'package', label: t('extend_package') }]}
        onChange={(next) => {
          setMode(next);
          submission.clearError();
        }}
      />
      {mode === 'minutes' ? (
        <>
          <div class="row quick-minutes">
            {QUICK_MINUTES.map((n) => (
              <Button key={n} small aria-pressed={minutes === n} onClick={() => setMinutesText(String(n))}>
                {t('quick_minutes', { n })}
              </Button>
            ))}
          </div>
          <Field label={t('minutes')}>
            {(id, invalid) => (
              <TextInput id={id} type="number" min={1} max={MAX_MINUTES} inputMode="numeric" value={minutesText}
                onValue={setMinutesText} invalid={invalid || minutes === null} />
            )}
          </Field>
        </>
      ) : (
        <>
          {session.member_id !== null && (
            <Checkbox checked={useBalance} onChange={setUseBalance} label={t('use_balance')} />
          )}
          {offered.length === 0 ? (
            <p class="muted">{t(useBalance ? 'member_no_packages' : 'no_packages', { console: station.console_type })}</p>
          ) : (
            <Field label={t('package')} hint={useBalance && chosen && balances ? t('units_held', { n: unitsOf(chosen.id) }) : undefined}>
              {(id) => (
                <Select id={id} value={String(chosen?.id ?? '')} onValue={setPackageId}
                  options={offered.map((pkg) => ({ value: String(pkg.id), label: `${pkg.name} · ${tc('minutes', { n: pkg.duration_minutes ?? 0 })}` }))} />
              )}
            </Field>
          )}
        </>
      )}
      {price !== null && (
        <div class={`price-box${price === 0 ? ' price-box--quiet' : ''}`} data-testid="price">
          <span>{t('to_collect')}</span>
          <strong class="num">{money(price)}</strong>
        </div>
      )}
      {newEnd !== null && <div class="muted">{t('new_deadline', { time: time(newEnd) })}</div>}
    </FormDialog>
  );
}

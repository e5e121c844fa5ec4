import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Package, Station } from '../../api/types';
import { can } from '../../auth/auth';
import { serverNow } from '../../components/countdown';
import { MemberPicker, type PickedMember } from '../../components/member_picker';
import { money, settings } from '../../shop/settings';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { ModeSwitch } from './mode_switch';
import { t } from './messages';
import { fitsConsole, rateAt } from '../../pricing/tariff';

export type StartMode = 'package' | 'open' | 'member';

// The packages a walk-in may buy on this station: active, fixed, for its console.
export function walkInPackages(packages: Package[], station: Pick<Station, 'console_type'>): Package[] {
  return packages.filter((pkg) => pkg.active && pkg.kind === 'fixed' && fitsConsole(pkg, station.console_type));
}

// The packages a member can play from their balance here: units held of a
// package a walk-in could buy on this station.
export function memberPackages(packages: Package[], station: Pick<Station, 'console_type'>, member: PickedMember | null): Package[] {
  if (!member) return [];
  const held = new Set(member.balances.filter((balance) => balance.units > 0).map((balance) => balance.package_id));
  return walkInPackages(packages, station).filter((pkg) => held.has(pkg.id));
}

export interface StartRequest {
  station_id: number;
  package_id?: number;
  member_id?: number;
  use_balance?: boolean;
}

// The body of POST /sessions for what the operator chose.
export function startRequest(mode: StartMode, stationId: number, packageId: number | null, memberId: number | null): StartRequest {
  if (mode === 'open') return { station_id: stationId };
  if (mode === 'member') return { station_id: stationId, package_id: packageId!, member_id: memberId!, use_balance: true };
  return { station_id: stationId, package_id: packageId! };
}

interface StartDialogProps {
  station: Station;
  packages: Package[];
  onClose: () => void;
}

export function StartDialog({ station, packages, onClose }: StartDialogProps) {
  const walkIn = walkInPackages(packages, station);
  const tariff = packages.find((pkg) => pkg.id === station.tariff_package_id && pkg.active);
  const modes: StartMode[] = ['package', 'open', ...(can('members.view') ? ['member' as const] : [])];
  const [mode, setMode] = useState<StartMode>(walkIn.length > 0 || !tariff ? 'package' : 'open');
  const [packageId, setPackageId] = useState(walkIn[0] ? String(walkIn[0].id) : '');
  const [member, setMember] = useState<PickedMember | null>(null);
  const [memberPackageId, setMemberPackageId] = useState('');

  const fromBalance = memberPackages(packages, station, member);
  const chosenMemberPackage = fromBalance.find((pkg) => String(pkg.id) === memberPackageId) ?? fromBalance[0];
  const chosenWalkIn = walkIn.find((pkg) => String(pkg.id) === packageId);
  const ready = mode === 'package' ? Boolean(chosenWalkIn) : mode === 'open' ? Boolean(tariff) : Boolean(chosenMemberPackage);

  const submission = useSubmit(async () => {
    if (!ready) return;
    const packageChosen = mode === 'member' ? chosenMemberPackage!.id : mode === 'package' ? chosenWalkIn!.id : null;
    await api('/sessions', { body: startRequest(mode, station.id, packageChosen, member?.id ?? null) });
    toast('success', t('started', { code: station.code }));
    onClose();
  });

  const packageOptions = (list: Package[]) => list.map((pkg) => ({
    value: String(pkg.id),
    label: `${pkg.name} · ${money(rateAt(pkg, serverNow(), settings.value.time_zone))}`,
  }));

  return (
    <FormDialog
      title={t('start_title', { code: station.code })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('start')}
      canSubmit={ready}
    >
      <ModeSwitch
        label={t('mode')}
        value={mode}
        options={modes.map((value) => ({ value, label: t(value === 'package' ? 'mode_package' : value === 'open' ? 'mode_open' : 'mode_member') }))}
        onChange={(next) => {
          setMode(next);
          submission.clearError();
        }}
      />

      {mode === 'package' && (walkIn.length === 0 ? (
        <p class="muted">{t('no_packages', { console: station.console_type })}</p>
      ) : (
        <Field label={t('package')}>
          {(id) => <Select id={id} value={packageId} onValue={setPackageId} options={packageOptions(walkIn)} />}
        </Field>
      ))}

      {mode === 'open' && (tariff ? (
        <p class="start-note">
          <strong>{tariff.name}</strong>{' — '}
          {t('open_play_note', { rate: t('per_hour', { price: money(rateAt(tariff, serverNow(), settings.value.time_zone)) }) })}
          {tariff.minimum_charge > 0 && ` (${t('minimum_charge', { price: money(tariff.minimum_charge) })})`}
        </p>
      ) : (
        <p class="muted">{t('no_tariff')}</p>
      ))}

      {mode === 'member' && (
        <>
          <MemberPicker selected={member} onSelect={(next) => {
            setMember(next);
            setMemberPackageId('');
          }} />
          {member && (fromBalance.length === 0 ? (
            <p class="muted">{t('member_no_packages', { console: station.console_type })}</p>
          ) : (
            <Field label={t('package')}>
              {(id) => (
                <Select id={id} value={String(chosenMemberPackage?.id ?? '')} onValue={setMemberPackageId}
                  options={fromBalance.map((pkg) => ({ value: String(pkg.id), label: pkg.name }))} />
              )}
            </Field>
          ))}
        </>
      )}

      <PriceToCollect mode={mode} amount={mode === 'package' && chosenWalkIn ? rateAt(chosenWalkIn, serverNow(), settings.value.time_zone) : null} ready={ready} />
    </FormDialog>
  );
}

function PriceToCollect({ mode, amount, ready }: { mode: StartMode; amount: number | null; ready: boolean }) {
  if (!ready) return null;
  if (mode === 'member') return <div class="price-box price-box--quiet" data-testid="price">{t('from_balance')}</div>;
  if (mode === 'open') return null;
  return (
    <div class="price-box" data-testid="price">
      <span>{t('to_collect')}</span>
      <strong class="num">{money(amount ?? 0)}</strong>
    </div>
  );
}

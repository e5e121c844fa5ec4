import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Balance, Member } from '../../api/types';
import { tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, TextInput } from '../../ui/field';
import { Loaded } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { fetchPackages } from '../packages/package_list';
import { t } from './messages';
import { parseUnitChange } from './unit_input';

// Grants free units (a positive change) or corrects a balance (a negative
// one), always with a reason. Retired packages are offered only while the
// member still holds some, so they can be taken away.
export function BalanceChangeDialog({ member, balances, onClose }: { member: Member; balances: Balance[]; onClose: () => void }) {
  const packages = useResource(
    async (signal) => (await fetchPackages('all', signal)).filter(
      (item) => item.kind === 'fixed' && (item.active || balances.some((balance) => balance.package_id === item.id)),
    ),
    [],
    ['package.*'],
  );
  const [packageId, setPackageId] = useState('');
  const [changeText, setChangeText] = useState('1');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const choices = packages.data ?? [];
  const chosen = choices.find((item) => String(item.id) === packageId) ?? choices[0];
  const change = parseUnitChange(changeText);
  const held = (id: number) => balances.find((balance) => balance.package_id === id)?.units ?? 0;

  const submission = useSubmit(async () => {
    setTried(true);
    if (!chosen || change === null || reason.trim() === '') return;
    const reply = await api<{ balance: Balance }>(`/members/${member.id}/balance-changes`, {
      body: { package_id: chosen.id, change, reason: reason.trim() },
    });
    toast('success', t('granted', { name: member.name, package: reply.balance.package, units: reply.balance.units }));
    onClose();
  });

  return (
    <FormDialog
      title={t('grant_title', { name: member.name })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('grant_submit')}
      canSubmit={Boolean(chosen)}
    >
      <Loaded resource={packages}>
        {() => choices.length === 0 ? <p class="muted">{t('no_packages')}</p> : (
          <>
            <Field label={t('package')}>
              {(id) => (
                <Select id={id} value={String(chosen?.id ?? '')} onValue={setPackageId}
                  options={choices.map((item) => ({ value: String(item.id), label: `${item.name} (${tc('units', { n: held(item.id) })})` }))} />
              )}
            </Field>
            <Field label={t('change_label')} hint={t('change_hint')} error={change === null ? t('change_invalid') : null}>
              {(id, invalid) => (
                <TextInput id={id} type="number" value={changeText} onValue={setChangeText} invalid={invalid} />
              )}
            </Field>
            <Field label={t('reason_label')} error={tried && reason.trim() === '' ? t('reason_required') : null}>
              {(id, invalid) => (
                <TextInput id={id} value={reason} onValue={setReason} invalid={invalid} maxLength={200} placeholder={t('reason_placeholder')} />
              )}
            </Field>
          </>
        )}
      </Loaded>
    </FormDialog>
  );
}

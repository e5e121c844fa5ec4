import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { user } from '../../auth/auth';
import { groupThousands, parseMoney } from '../../format/money';
import { useResource } from '../../live/hooks';
import { money, settings } from '../../shop/settings';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, TextInput } from '../../ui/field';
import { Loaded } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { fetchPackages } from '../packages/package_list';
import { t } from './messages';
import { parseUnits } from './unit_input';

// Sells units of a fixed, active package to a member. The amount starts at
// price × units and follows them until the operator types another amount
// (a discount) — a new package or unit count starts again from the list
// price; the signed-in user is recorded as the one who took the money.
export function SellPackageDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const packages = useResource(
    async (signal) => (await fetchPackages('true', signal)).filter((item) => item.kind === 'fixed'),
    [],
    ['package.*'],
  );
  const [packageId, setPackageId] = useState('');
  const [unitsText, setUnitsText] = useState('1');
  const [typedAmount, setTypedAmount] = useState<string | null>(null);

  const choices = packages.data ?? [];
  const chosen = choices.find((item) => String(item.id) === packageId) ?? choices[0];
  const units = parseUnits(unitsText, 1, 100);
  const listTotal = chosen && units !== null ? chosen.price * units : null;
  const amountText = typedAmount ?? (listTotal === null ? '' : groupThousands(listTotal, settings.value.currency.thousands_separator));
  const amount = parseMoney(amountText);

  const submission = useSubmit(async () => {
    if (!chosen || units === null || amount === null) return;
    await api(`/members/${member.id}/purchases`, { body: { package_id: chosen.id, units, amount } });
    toast('success', t('sold', { units, package: chosen.name, name: member.name }), money(amount));
    onClose();
  });

  return (
    <FormDialog
      title={t('sell_title', { name: member.name })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('sell_submit')}
      canSubmit={Boolean(chosen) && units !== null && amount !== null}
    >
      <Loaded resource={packages}>
        {() => choices.length === 0 ? <p class="muted">{t('no_packages')}</p> : (
          <>
            <Field label={t('package')}>
              {(id) => (
                <Select id={id} value={String(chosen?.id ?? '')} onValue={(value) => { setPackageId(value); setTypedAmount(null); }}
                  options={choices.map((item) => ({ value: String(item.id), label: `${item.name} · ${money(item.price)}` }))} />
              )}
            </Field>
            <div class="form-grid">
              <Field label={t('units')} error={units === null ? t('units_invalid') : null}>
                {(id, invalid) => (
                  <TextInput id={id} type="number" inputMode="numeric" value={unitsText}
                    onValue={(value) => { setUnitsText(value); setTypedAmount(null); }} invalid={invalid} />
                )}
              </Field>
              <Field
                label={t('amount')}
                error={amount === null ? t('amount_invalid') : null}
                hint={chosen && units !== null && listTotal !== null &&
                  t('amount_default', { price: money(chosen.price), units, total: money(listTotal) })}
              >
                {(id, invalid) => (
                  <TextInput id={id} inputMode="numeric" value={amountText} onValue={setTypedAmount} invalid={invalid} />
                )}
              </Field>
            </div>
            <p class="muted members-cashier">{t('money_taken_by', { user: user.value?.display_name || user.value?.username || '' })}</p>
          </>
        )}
      </Loaded>
    </FormDialog>
  );
}

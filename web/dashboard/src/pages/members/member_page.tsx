import { useState } from 'preact/hooks';
import { ArrowLeft, Pencil, PlusCircle, ShoppingCart } from 'lucide-preact';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { can } from '../../auth/auth';
import { useResource } from '../../live/hooks';
import { href } from '../../router/router';
import { date } from '../../shop/settings';
import { Button } from '../../ui/button';
import { Loaded, Page } from '../../ui/page';
import { BalanceChangeDialog } from './balance_change_dialog';
import { BalanceHistory } from './balance_history';
import { MemberFormDialog } from './member_form_dialog';
import { t } from './messages';
import { SellPackageDialog } from './sell_package_dialog';
import './members.css';

type Dialog = 'edit' | 'sell' | 'grant' | null;

// One member: details, package balances and their history, and (with
// members.manage) edit, sell a package and grant or adjust units.
export function MemberPage({ id }: { id: number }) {
  const member = useResource((signal) => api<Member>(`/members/${id}`, { signal }), [id], ['member.*']);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = can('members.manage');
  const close = () => setDialog(null);

  return (
    <Page
      title={member.data?.name ?? t('title')}
      subtitle={<a href={href('/members')} class="members-back"><ArrowLeft aria-hidden="true" />{t('back')}</a>}
      actions={manage && member.data && (
        <>
          <Button icon={<Pencil />} onClick={() => setDialog('edit')}>{t('edit')}</Button>
          <Button icon={<PlusCircle />} onClick={() => setDialog('grant')}>{t('grant')}</Button>
          <Button variant="primary" icon={<ShoppingCart />} onClick={() => setDialog('sell')}>{t('sell')}</Button>
        </>
      )}
    >
      <Loaded resource={member}>
        {(current) => (
          <>
            <div class="members-detail">
              <section class="card stack" aria-label={t('name')}>
                <dl class="members-facts">
                  <dt>{t('phone')}</dt><dd class="mono" data-testid="member-phone">{current.phone}</dd>
                  <dt>{t('joined')}</dt><dd>{date(current.created_at)}</dd>
                  <dt>{t('notes')}</dt><dd class="members-notes-full">{current.notes || '—'}</dd>
                </dl>
              </section>
              <section class="card stack">
                <h2>{t('balances')}</h2>
                {(current.balances ?? []).length === 0 ? <p class="muted">{t('no_balance')}</p> : (
                  <ul class="members-balances" data-testid="member-balances">
                    {current.balances!.map((balance) => (
                      <li key={balance.package_id}>
                        <span>{balance.package}</span>
                        <strong class="num">× {balance.units}</strong>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
            <BalanceHistory memberId={id} />
            {dialog === 'edit' && <MemberFormDialog member={current} onClose={close} onSaved={(saved) => { member.setData({ ...current, ...saved }); close(); }} />}
            {dialog === 'sell' && <SellPackageDialog member={current} onClose={close} />}
            {dialog === 'grant' && <BalanceChangeDialog member={current} balances={current.balances ?? []} onClose={close} />}
          </>
        )}
      </Loaded>
    </Page>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Search, UserPlus } from 'lucide-preact';
import { can } from '../../auth/auth';
import { useResource } from '../../live/hooks';
import { href, location, navigate, setQuery } from '../../router/router';
import { date } from '../../shop/settings';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { Empty, Loaded, Page } from '../../ui/page';
import { MemberFormDialog } from './member_form_dialog';
import { MEMBERS_PER_PAGE, pageRange, searchMembers } from './member_search';
import { t } from './messages';
import { useDebounced } from './use_debounced';
import './members.css';

// A click on the row opens the member; a click on the name is the link's own.
function openUnlessLink(event: MouseEvent, id: number): void {
  if (!(event.target as Element).closest('a')) navigate(`/members/${id}`);
}

// The member list: a search as you type (name or phone), paged, kept in the
// URL (?q=&offset=) so a search can be shared and survives a reload.
export function MembersPage() {
  const urlQuery = location.value.query.get('q') ?? '';
  const offset = Math.max(0, Number(location.value.query.get('offset')) || 0);
  const [text, setText] = useState(urlQuery);
  const [creating, setCreating] = useState(false);
  const settled = useDebounced(text);

  useEffect(() => {
    if (settled !== urlQuery) setQuery({ q: settled, offset: null });
  }, [settled]);

  const members = useResource((signal) => searchMembers(urlQuery, offset, signal), [urlQuery, offset], ['member.*']);

  return (
    <Page
      title={t('title')}
      subtitle={members.data ? t('count', { n: members.data.total }) : undefined}
      actions={can('members.manage') && <Button variant="primary" icon={<UserPlus />} onClick={() => setCreating(true)}>{t('add')}</Button>}
    >
      <div class="toolbar">
        <Field label={t('search')}>
          {(id) => (
            <div class="members-search">
              <Search aria-hidden="true" />
              <TextInput id={id} type="search" value={text} onValue={setText} placeholder={t('search_placeholder')} autoComplete="off" />
            </div>
          )}
        </Field>
      </div>
      <Loaded resource={members}>
        {(page) => {
          const range = pageRange(offset, page.members.length, page.total);
          if (!range) return <Empty>{urlQuery ? t('none_found', { q: urlQuery }) : t('none')}</Empty>;
          return (
            <>
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr><th>{t('name')}</th><th>{t('phone')}</th><th>{t('notes')}</th><th>{t('joined')}</th></tr>
                  </thead>
                  <tbody>
                    {page.members.map((member) => (
                      <tr key={member.id} class="is-clickable" onClick={(event) => openUnlessLink(event, member.id)}>
                        <td data-label={t('name')}><a href={href(`/members/${member.id}`)}>{member.name}</a></td>
                        <td data-label={t('phone')}><span class="mono">{member.phone}</span></td>
                        <td data-label={t('notes')} class="members-notes muted">{member.notes || '—'}</td>
                        <td data-label={t('joined')} class="nowrap">{date(member.created_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="row row--between">
                <span class="muted" role="status">{t('page_range', range)}</span>
                <div class="row">
                  <Button small disabled={offset === 0} onClick={() => setQuery({ offset: Math.max(0, offset - MEMBERS_PER_PAGE) || null })}>{t('previous')}</Button>
                  <Button small disabled={range.to >= range.total} onClick={() => setQuery({ offset: offset + MEMBERS_PER_PAGE })}>{t('next')}</Button>
                </div>
              </div>
            </>
          );
        }}
      </Loaded>
      {creating && (
        <MemberFormDialog
          onClose={() => setCreating(false)}
          onSaved={(member) => {
            setCreating(false);
            navigate(`/members/${member.id}`);
          }}
        />
      )}
    </Page>
  );
}

import { errorMessage, tc } from '../../i18n/common';
import { Button } from '../../ui/button';
import { toast } from '../../ui/toast';
import type { EntriesPage } from './use_paged_entries';

interface MoreButtonProps {
  page: EntriesPage<unknown>;
  more: () => Promise<void>;
  loading: boolean;
}

// Under a paged list: appends the next page, and is gone on the last one.
export function MoreButton({ page, more, loading }: MoreButtonProps) {
  if (page.next_before_id === null) return null;
  return (
    <Button loading={loading} onClick={() => more().catch((failure) => toast('danger', errorMessage(failure)))}>
      {tc('more')}
    </Button>
  );
}

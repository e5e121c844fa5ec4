import { useState } from 'preact/hooks';
import { DatabaseBackup, Download, Upload } from 'lucide-preact';
import { api, ApiError, apiResponse } from '../../api/client';
import { signOut } from '../../auth/auth';
import { errorMessage } from '../../i18n/common';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form_error';
import { Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { fileNameOf, looksLikeSqlite, readableSize } from './backup_file';
import { t } from './messages';
import './backup.css';

function backupErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'invalid_backup') return t('invalid_backup', { reason: error.message });
  return errorMessage(error);
}

// Saves a blob under a name through a temporary link.
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function DownloadCard() {
  // The backup needs the token, so it is fetched and saved from memory
  // rather than opened as a plain link.
  const download = useSubmit(async () => {
    const response = await apiResponse('/backup');
    const name = fileNameOf(response.headers.get('Content-Disposition'), 'billing-backup.db');
    saveBlob(await response.blob(), name);
    toast('success', t('downloaded', { name }));
  });

  return (
    <section class="card stack" aria-labelledby="backup-download">
      <h2 id="backup-download" class="row"><Download />{t('download_title')}</h2>
      <p class="muted">{t('download_body')}</p>
      <FormError error={download.error} />
      <div>
        <Button variant="primary" icon={<DatabaseBackup />} loading={download.busy} onClick={download.submit}>{t('download')}</Button>
      </div>
    </section>
  );
}

function RestoreCard() {
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const restore = useSubmit(async () => {
    if (!file) return;
    try {
      const reply = await api<{ restored: boolean; previous: string }>('/restore', { method: 'POST', rawBody: file });
      toast('success', t('restored'), t('restored_previous', { previous: reply.previous }), 15_000);
      // Every token was revoked by the restore, this one too.
      signOut('logged_out');
    } catch (failure) {
      setConfirming(false);
      throw failure;
    }
  });

  async function pick(picked: File | null) {
    setFile(picked);
    restore.clearError();
    setFileProblem(picked && !(await looksLikeSqlite(picked)) ? t('not_sqlite') : null);
  }

  return (
    <section class="card stack" aria-labelledby="backup-restore">
      <h2 id="backup-restore" class="row"><Upload />{t('restore_title')}</h2>
      <p class="muted">{t('restore_body')}</p>
      <Field label={t('file')} error={fileProblem} hint={file ? t('chosen', { name: file.name, size: readableSize(file.size) }) : undefined}>
        {(id, invalid) => (
          <input
            id={id}
            class="input backup-file"
            type="file"
            accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
            aria-invalid={invalid ? 'true' : undefined}
            onChange={(event) => void pick(event.currentTarget.files?.[0] ?? null)}
          />
        )}
      </Field>
      <FormError error={restore.error} describe={backupErrorMessage} />
      <div>
        <Button variant="danger" icon={<Upload />} disabled={!file || fileProblem !== null} onClick={() => setConfirming(true)}>
          {t('restore')}
        </Button>
      </div>
      {confirming && file && (
        <ConfirmDialog
          title={t('confirm_title', { name: file.name })}
          message={<p class="backup-warning">{t('confirm_body')}</p>}
          confirmLabel={t('confirm')}
          danger
          busy={restore.busy}
          onConfirm={restore.submit}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

// Backup and restore (admin).
export function BackupPage() {
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div class="grid backup-grid">
        <DownloadCard />
        <RestoreCard />
      </div>
    </Page>
  );
}

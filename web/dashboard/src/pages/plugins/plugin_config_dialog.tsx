import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { PluginInfo } from '../../api/types';
import {
  describeProblems, type JsonSchema, pathOfHostMessage, SchemaForm, validateConfig, withDefaults,
} from '../../components/schema_form';
import { errorMessage, tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Loaded } from '../../ui/page';
import { toast } from '../../ui/toast';
import { t } from './messages';

interface ConfigReply {
  config: unknown;
  schema: JsonSchema;
}

// A plugin's settings, as a form generated from its manifest's schema. The
// whole config is sent; the host validates it again and applies it at once.
function ConfigEditor({ plugin, reply, canManage, onClose }: { plugin: PluginInfo; reply: ConfigReply; canManage: boolean; onClose: () => void }) {
  const [value, setValue] = useState(() => withDefaults(reply.schema, reply.config));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = describeProblems(validateConfig(reply.schema, value));
  const valid = Object.keys(problems).length === 0;
  const hostPath = error instanceof ApiError && error.code === 'invalid_config' ? pathOfHostMessage(error.message) : null;
  const errors = hostPath ? { ...problems, [hostPath]: (error as ApiError).message } : problems;
  const hasFields = Object.keys(reply.schema.properties ?? {}).length > 0;

  async function save() {
    if (!valid || !canManage) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/plugins/${encodeURIComponent(plugin.id)}/config`, { method: 'PUT', body: value });
      toast('success', t('config_saved', { name: plugin.name }));
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      wide
      title={t('config_title', { name: plugin.name })}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <Button onClick={onClose}>{canManage && hasFields ? tc('cancel') : tc('close')}</Button>
          {canManage && hasFields && <Button type="submit" variant="primary" loading={busy} disabled={!valid}>{tc('save')}</Button>}
        </>
      }
    >
      {!hasFields && <p class="muted">{t('config_none')}</p>}
      {hasFields && !canManage && <p class="muted">{t('config_read_only')}</p>}
      {hasFields && (
        <SchemaForm
          schema={reply.schema}
          value={value}
          errors={errors}
          disabled={!canManage}
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
        />
      )}
      {!valid && canManage && <p class="faint">{t('config_fix')}</p>}
      {error !== null && <div class="form-error" role="alert">{errorMessage(error)}</div>}
    </Dialog>
  );
}

export function PluginConfigDialog({ plugin, canManage, onClose }: { plugin: PluginInfo; canManage: boolean; onClose: () => void }) {
  const reply = useResource((signal) => api<ConfigReply>(`/plugins/${encodeURIComponent(plugin.id)}/config`, { signal }), [plugin.id]);
  if (reply.data) return <ConfigEditor plugin={plugin} reply={reply.data} canManage={canManage} onClose={onClose} />;
  return (
    <Dialog title={t('config_title', { name: plugin.name })} onClose={onClose}>
      <Loaded resource={reply}>{() => null}</Loaded>
    </Dialog>
  );
}

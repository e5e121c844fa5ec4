import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { PluginInfo } from '../../api/types';
import {
  describeProblems, type JsonSchema, pathOfHostMessage, SchemaForm, validateConfig, withDefaults,
} from '../../components/schema_form';
import { tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { Dialog } from '../../ui/dialog';
import { FormDialog } from '../../ui/form_dialog';
import { Loaded } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';

interface ConfigReply {
  config: unknown;
  schema: JsonSchema;
}

// A plugin's settings, as a form generated from its manifest's schema. The
// whole config is sent; the host validates it again and applies it at once.
function ConfigEditor({ plugin, reply, canManage, onClose }: { plugin: PluginInfo; reply: ConfigReply; canManage: boolean; onClose: () => void }) {
  const [value, setValue] = useState(() => withDefaults(reply.schema, reply.config));
  const problems = describeProblems(validateConfig(reply.schema, value));
  const valid = Object.keys(problems).length === 0;
  const submission = useSubmit(async () => {
    if (!valid || !canManage) return;
    await api(`/plugins/${encodeURIComponent(plugin.id)}/config`, { method: 'PUT', body: value });
    toast('success', t('config_saved', { name: plugin.name }));
    onClose();
  });
  const error = submission.error;
  const hostPath = error instanceof ApiError && error.code === 'invalid_config' ? pathOfHostMessage(error.message) : null;
  const errors = hostPath ? { ...problems, [hostPath]: (error as ApiError).message } : problems;
  const hasFields = Object.keys(reply.schema.properties ?? {}).length > 0;

  return (
    <FormDialog
      wide
      title={t('config_title', { name: plugin.name })}
      onClose={onClose}
      submission={submission}
      submitLabel={canManage && hasFields ? tc('save') : undefined}
      canSubmit={valid}
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
            submission.clearError();
          }}
        />
      )}
      {!valid && canManage && <p class="faint">{t('config_fix')}</p>}
    </FormDialog>
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

import { lang, LANGS, setLang } from '../i18n/i18n';
import { t } from './messages';

export function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((code) => (
        <button key={code} type="button" class="lang-switch__option" aria-pressed={lang.value === code} onClick={() => setLang(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

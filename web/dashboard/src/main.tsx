import { render } from 'preact';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import { App } from './app';
import { installAuth, restoreSession } from './auth/auth';
import { lang } from './i18n/i18n';

document.documentElement.lang = lang.value;
installAuth();
void restoreSession();
render(<App />, document.getElementById('app')!);

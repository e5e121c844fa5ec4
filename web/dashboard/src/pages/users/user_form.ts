import { t } from './messages';

// What the user dialog edits, and its checks before the host's own (the
// same rules as the host's user_input.cpp, so most mistakes show at once).
export interface UserForm {
  username: string;
  display_name: string;
  password: string;
  role: 'admin' | 'operator';
  permissions: string[];
}

export type UserFormProblems = Partial<Record<'username' | 'password', string>>;

const USERNAME = /^[a-z0-9._-]{3,32}$/;

export function usernameProblem(username: string): string | undefined {
  const name = username.trim().toLowerCase();
  if (!name) return t('required');
  return USERNAME.test(name) ? undefined : t('username_invalid');
}

export function passwordProblem(password: string, username: string): string | undefined {
  if (!password) return t('required');
  if ([...password].length < 8) return t('password_short');
  if (password.toLowerCase() === username.trim().toLowerCase()) return t('password_is_username');
  return undefined;
}

// Problems of a new user (username and password) or of an edit (none).
export function userFormProblems(form: UserForm, creating: boolean): UserFormProblems {
  if (!creating) return {};
  const problems: UserFormProblems = {};
  const username = usernameProblem(form.username);
  if (username) problems.username = username;
  const password = passwordProblem(form.password, form.username);
  if (password) problems.password = password;
  return problems;
}

import type { ComponentChildren } from 'preact';
import {
  Archive, BarChart3, Cable, Gamepad2, History, Monitor, Package, Puzzle, ScrollText, Settings, ShieldCheck, Users,
} from 'lucide-preact';
import { can, isAdmin } from '../auth/auth';
import { AuditPage } from '../pages/audit/audit_page';
import { BackupPage } from '../pages/backup/backup_page';
import { MemberPage } from '../pages/members/member_page';
import { MembersPage } from '../pages/members/members_page';
import { PackagesPage } from '../pages/packages/packages_page';
import { PluginsPage } from '../pages/plugins/plugins_page';
import { ReportsPage } from '../pages/reports/reports_page';
import { SessionLogPage } from '../pages/session_log/session_log_page';
import { SettingsPage } from '../pages/settings/settings_page';
import { StationsPage } from '../pages/stations/stations_page';
import { TvOverviewPage } from '../pages/tv_overview/tv_overview_page';
import { UsersPage } from '../pages/users/users_page';
import { t } from './messages';

type NavLabel = Parameters<typeof t>[0];

// Every page of the dashboard: where it lives, who may open it (the server
// refuses the rest anyway) and its place in the sidebar.
export interface RouteDefinition {
  path: string;
  allowed: () => boolean;
  render: (params: Record<string, string>) => ComponentChildren;
  nav?: { label: NavLabel; icon: ComponentChildren; section: 'operations' | 'admin' };
}

const signedIn = () => true;

export const routes: RouteDefinition[] = [
  { path: '/', allowed: () => can('sessions.view'), render: () => <TvOverviewPage />,
    nav: { label: 'tv_overview', icon: <Monitor />, section: 'operations' } },
  { path: '/members', allowed: () => can('members.view'), render: () => <MembersPage />,
    nav: { label: 'members', icon: <Users />, section: 'operations' } },
  { path: '/members/:id', allowed: () => can('members.view'), render: (p) => <MemberPage id={Number(p.id)} /> },
  { path: '/session-log', allowed: () => can('sessions.view'), render: () => <SessionLogPage />,
    nav: { label: 'session_log', icon: <History />, section: 'operations' } },
  { path: '/reports', allowed: () => can('sales.view'), render: () => <ReportsPage />,
    nav: { label: 'reports', icon: <BarChart3 />, section: 'operations' } },
  { path: '/packages', allowed: signedIn, render: () => <PackagesPage />,
    nav: { label: 'packages', icon: <Package />, section: 'admin' } },
  { path: '/stations', allowed: () => can('stations.manage') || can('tv.manage'), render: () => <StationsPage />,
    nav: { label: 'stations', icon: <Gamepad2 />, section: 'admin' } },
  { path: '/tv-pairing/:code', allowed: () => can('tv.manage'), render: (p) => <StationsPage pairingCode={p.code} /> },
  { path: '/users', allowed: isAdmin, render: () => <UsersPage />,
    nav: { label: 'users', icon: <ShieldCheck />, section: 'admin' } },
  { path: '/audit', allowed: isAdmin, render: () => <AuditPage />,
    nav: { label: 'audit', icon: <ScrollText />, section: 'admin' } },
  { path: '/plugins', allowed: () => can('plugins.view'), render: () => <PluginsPage />,
    nav: { label: 'plugins', icon: <Puzzle />, section: 'admin' } },
  { path: '/settings', allowed: signedIn, render: () => <SettingsPage />,
    nav: { label: 'settings', icon: <Settings />, section: 'admin' } },
  { path: '/backup', allowed: isAdmin, render: () => <BackupPage />,
    nav: { label: 'backup', icon: <Archive />, section: 'admin' } },
];

export const pluginPageIcon = <Cable />;

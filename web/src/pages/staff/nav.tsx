import { Burger, Button, Drawer, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { get } from '../../api.ts';
import { caseListTexts } from '../../i18n/case-list.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { useCaseChanges } from '../../live-changes.ts';
import { useSession } from '../../session.ts';
import { useSignOut } from '../../sign-out.ts';
import type { Home } from '../../types.ts';
import '../../styles/all.ts';
import '../../styles/staff-nav.css';

/** The menu's items, the user's name and unit, and signing out; in the sidebar and in the drawer. */
function MenuBody({ onPick }: { onPick?: () => void }) {
  const { t, pick } = useTexts(caseListTexts);
  const session = useSession();
  const home = useQuery({ queryKey: ['home'], queryFn: () => get<Home>('/api/home') });
  const path = useRouterState({ select: (s) => s.location.pathname });
  const logout = useSignOut();
  const items = (home.data?.nav ?? []).filter((n) => n.available);
  // The longest path that holds the current one is the item shown active.
  const active = items
    .filter((n) => path === n.path || path.startsWith(`${n.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
  return (
    <Stack gap="xs" h="100%" justify="space-between">
      <nav aria-label={t('staffMenu')} data-testid="staff-menu">
        {items.map((n) => (
          <NavLink
            key={n.key}
            component={Link}
            to={n.path}
            // The router marks parent paths current too; only the item chosen below is.
            activeOptions={{ exact: true }}
            label={pick(n.label)}
            active={n.key === active}
            onClick={onPick}
          />
        ))}
      </nav>
      {session.data ? (
        <Stack gap={4} p="xs" className="staff-menu-user">
          <Text fw={600} size="sm" data-testid="menu-user">
            {session.data.name}
          </Text>
          <Text size="xs" c="dimmed">
            {session.data.unit.name}
          </Text>
          <Button
            variant="default"
            color="red"
            size="xs"
            mt={4}
            onClick={() => logout.mutate()}
            loading={logout.isPending}
            data-testid="sign-out"
          >
            {t('signOut')}
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * The staff area's persistent navigation: a sidebar from 62em (a PC), a burger in the header
 * opening a drawer below it (a phone). Loaded with the staff area only, so the portal's first
 * load carries none of it. It also keeps the queue and the counts live while a staff page is open.
 */
export default function StaffNav() {
  const { t } = useTexts(caseListTexts);
  const session = useSession();
  const [open, setOpen] = useState(false);
  useCaseChanges(Boolean(session.data?.permissions.includes('cases.read')));
  if (!session.data) return null;
  return (
    <>
      <aside className="staff-sidebar" data-testid="staff-sidebar">
        <ScrollArea h="100%" type="auto">
          <MenuBody />
        </ScrollArea>
      </aside>
      <div className="staff-burger">
        <Burger opened={open} onClick={() => setOpen((o) => !o)} aria-label={t('openMenu')} size="sm" />
      </div>
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        title={t('staffMenu')}
        closeButtonProps={{ 'aria-label': t('closeMenu') }}
        size="80%"
      >
        <MenuBody onPick={() => setOpen(false)} />
      </Drawer>
    </>
  );
}

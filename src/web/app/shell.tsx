// The frame of every page: skip link, header with the main menu and the language switch,
// the sandbox tools bar (sandbox servers only), the page, and the footer.
import { Badge, Box, Burger, Center, Container, Group, Loader, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useActsForEstablishments } from '../api/establishments';
import { useLogout, useMe, useSandboxMode } from '../session/queries';
import { markNavigated } from '../shared/navigation-focus';
import classes from './shell.module.css';
import { useLanguage } from './use-language';

type Item = { to: string; label: string; end?: boolean };

function useMenuItems(): Item[] {
  const { t } = useTranslation();
  const me = useMe();
  const loggedIn = !!me.data;
  // Only Saudi citizens own establishments or act as their staff: no one else is asked.
  const establishments = useActsForEstablishments(!!me.data?.idNumber.startsWith('1'));
  const items: Item[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (loggedIn) {
    items.push({ to: '/dashboard', label: t('nav.dashboard') });
    // Shown to owners (opened on Absher or not yet) and staff. Should the labour ministry not
    // answer, it is shown all the same: its page says what is wrong.
    if (establishments.data === true || establishments.isError) items.push({ to: '/establishments', label: t('nav.establishments') });
    const roles = me.data?.roles ?? [];
    if (roles.includes('officer') || roles.includes('supervisor')) items.push({ to: '/office', label: t('nav.office') });
    // Everyone finds the statistics in the footer; supervisors, whose work they are, in the menu too.
    if (roles.includes('supervisor')) items.push({ to: '/statistics', label: t('statistics.nav') });
  } else {
    items.push({ to: '/register', label: t('nav.register') });
    items.push({ to: '/login', label: t('nav.login') });
  }
  return items;
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage, prepareLanguage } = useLanguage();
  const other = language === 'ar' ? 'en' : 'ar';
  // The other language's words are fetched as the pointer or the focus comes to the switch.
  return (
    <button
      type="button"
      className={classes.link}
      onPointerEnter={() => prepareLanguage(other)}
      onFocus={() => prepareLanguage(other)}
      onClick={() => setLanguage(other)}
      lang={other}
      data-testid="language-switch"
    >
      {t('nav.otherLanguage')}
    </button>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button type="button" className={classes.link} data-testid="logout" disabled={logout.isPending} onClick={() => logout.mutate()}>
      {t('nav.logout')}
    </button>
  );
}

function SandboxBar() {
  const { t } = useTranslation();
  const links = [
    { to: '/sandbox', label: t('nav.personas'), end: true },
    { to: '/sandbox/sms', label: t('nav.sms') },
    { to: '/sandbox/atm', label: t('nav.atm') },
    { to: '/sandbox/kiosk', label: t('nav.kiosk') },
  ];
  return (
    <div className={classes.sandboxBar}>
      <Container size="lg" py={4}>
        <Group gap="xs" wrap="wrap">
          <Badge color="yellow" variant="filled" c="dark.9" radius="sm">
            {t('nav.sandbox')}
          </Badge>
          <nav aria-label={t('nav.sandboxLabel')}>
            <ul className={classes.navList}>
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end} className={classes.sandboxLink}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </Group>
      </Container>
    </div>
  );
}

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const items = useMenuItems();
  const me = useMe();
  const sandbox = useSandboxMode();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigation = useNavigation();
  const first = useRef(true);

  // A layout effect: it runs before the new page's own effects, which read the mark to decide
  // whether to take focus.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    markNavigated();
    setMenuOpen(false);
  }, [location.pathname]);

  const links = (className: string | undefined) =>
    items.map((item) => (
      <li key={item.to}>
        <NavLink to={item.to} end={item.end} className={className}>
          {item.label}
        </NavLink>
      </li>
    ));

  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      {navigation.state === 'loading' && <div className={classes.progress} role="presentation" />}
      <header className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Link to="/" className={classes.brand}>
              <span>{t('app.brand')}</span>
              <span className={classes.brandSub}>{t('app.brandSub')}</span>
            </Link>
            <Group gap={4} wrap="nowrap">
              <Group gap={4} wrap="nowrap" visibleFrom="md">
                <nav aria-label={t('nav.label')}>
                  <ul className={classes.navList}>{links(classes.link)}</ul>
                </nav>
                {me.data && <LogoutButton />}
              </Group>
              <LanguageSwitch />
              <Burger
                hiddenFrom="md"
                opened={menuOpen}
                onClick={() => setMenuOpen((o) => !o)}
                aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={menuOpen}
                aria-controls="mobile-menu"
                size="sm"
              />
            </Group>
          </Group>
          {menuOpen && (
            <Box hiddenFrom="md" id="mobile-menu">
              <nav aria-label={t('nav.label')}>
                <ul className={classes.mobileList}>
                  {links(classes.link)}
                  {me.data && (
                    <li>
                      <LogoutButton />
                    </li>
                  )}
                </ul>
              </nav>
            </Box>
          )}
        </Container>
      </header>
      {sandbox && <SandboxBar />}
      <main id="main" className={classes.main} tabIndex={-1}>
        <Container size="lg">
          <Outlet />
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size="lg">
          <Text size="sm">{t('footer.text')}</Text>
          <Text size="sm" mt={4}>
            <Link to="/statistics" data-testid="footer-statistics">
              {t('statistics.nav')}
            </Link>
            {' · '}
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </Text>
        </Container>
      </footer>
    </>
  );
}

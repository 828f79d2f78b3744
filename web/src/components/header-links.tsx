import { Box, Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** A magnifier, drawn inline: the portal's first load carries no icon library. */
function SearchIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's way to a request's status, on every width: the full label from 576 px up, a
 * magnifier and "Lacak" below it, where most citizens read the portal.
 */
export function TrackLink() {
  const { t } = useI18n();
  return (
    <Button
      component={Link}
      to="/lacak"
      size="xs"
      variant="subtle"
      px={6}
      leftSection={<SearchIcon />}
      aria-label={t('track')}
      data-testid="header-track"
    >
      <PhoneLabel full={t('track')} short={t('trackShort')} />
    </Button>
  );
}

/** A header label, shortened below 576 px so that the header's buttons fit a phone's width. */
export function PhoneLabel({ full, short }: { full: string; short: string }) {
  return (
    <>
      <Box component="span" visibleFrom="xs">
        {full}
      </Box>
      <Box component="span" hiddenFrom="xs">
        {short}
      </Box>
    </>
  );
}

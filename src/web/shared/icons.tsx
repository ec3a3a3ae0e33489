// Line icons drawn here: emoji and icon fonts depend on what the device has installed.
import type { SVGProps } from 'react';

function Svg(props: SVGProps<SVGSVGElement>) {
  return <svg width={24} height={24} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false" {...props} />;
}

export function OfficeIcon() {
  return (
    <Svg>
      <path d="M3 21h18" />
      <path d="M5 21V10l7-5 7 5v11" />
      <path d="M9 21v-5h6v5" />
      <path d="M9 11h.01M15 11h.01" />
    </Svg>
  );
}

export function AtmIcon() {
  return (
    <Svg>
      <rect x="3" y="5" width="18" height="13" rx="2" />
      <path d="M3 9h18" />
      <path d="M7 14h3" />
    </Svg>
  );
}

export function FingerprintIcon() {
  return (
    <Svg>
      <path d="M12 11v3a7 7 0 0 1-1.5 4.3" />
      <path d="M8.5 8.5A4 4 0 0 1 16 11v2.5a11 11 0 0 1-1 4.5" />
      <path d="M5.5 15a10 10 0 0 0 .5-3.5 6 6 0 0 1 9.5-4.9" />
      <path d="M18.5 9.5c.3.8.5 1.6.5 2.5v1" />
      <path d="M4 7.5A9 9 0 0 1 17.5 4.5" />
    </Svg>
  );
}

// The toolbar's icons: 20 px line drawings in currentColor.
import type { ReactNode } from 'react';

const Svg = ({ children }: { children: ReactNode }) => (
  <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);

export const icons = {
  box: (
    <Svg>
      <rect x="4" y="5" width="12" height="10" strokeDasharray="2.5 1.8" />
      <path d="M2.5 3.5l3 3M2.5 6.5V3.5h3" />
    </Svg>
  ),
  pan: (
    <Svg>
      <path d="M10 2.5v15M2.5 10h15M10 2.5l-2 2M10 2.5l2 2M10 17.5l-2-2M10 17.5l2-2M2.5 10l2-2M2.5 10l2 2M17.5 10l-2-2M17.5 10l-2 2" />
    </Svg>
  ),
  window: (
    <Svg>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" />
    </Svg>
  ),
  zoom: (
    <Svg>
      <circle cx="8.5" cy="8.5" r="5" />
      <path d="M12.5 12.5l5 5M6.5 8.5h4M8.5 6.5v4" />
    </Svg>
  ),
  fit: (
    <Svg>
      <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
      <rect x="6.5" y="6.5" width="7" height="7" />
    </Svg>
  ),
  actual: (
    <Svg>
      <text x="10" y="14" fontSize="9" textAnchor="middle" fill="currentColor" stroke="none" fontFamily="system-ui, sans-serif" fontWeight="600">
        1:1
      </text>
      <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
    </Svg>
  ),
  invert: (
    <Svg>
      <rect x="3" y="3" width="14" height="14" rx="2" />
      <path d="M3 17L17 3v14z" fill="currentColor" />
    </Svg>
  ),
  presets: (
    <Svg>
      <path d="M3 5h14M3 10h14M3 15h14" />
      <circle cx="7" cy="5" r="1.6" fill="currentColor" />
      <circle cx="13" cy="10" r="1.6" fill="currentColor" />
      <circle cx="9" cy="15" r="1.6" fill="currentColor" />
    </Svg>
  ),
  reset: (
    <Svg>
      <path d="M4 10a6 6 0 1 0 2-4.5M4 3v3.5h3.5" />
    </Svg>
  ),
  eye: (
    <Svg>
      <path d="M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10z" />
      <circle cx="10" cy="10" r="2.3" />
    </Svg>
  ),
  eyeOff: (
    <Svg>
      <path d="M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10z" />
      <path d="M3 17L17 3" />
    </Svg>
  ),
  undo: (
    <Svg>
      <path d="M7 5L3.5 8.5 7 12M3.5 8.5H12a4.5 4.5 0 0 1 0 9H9" />
    </Svg>
  ),
  redo: (
    <Svg>
      <path d="M13 5l3.5 3.5L13 12M16.5 8.5H8a4.5 4.5 0 0 0 0 9h3" />
    </Svg>
  ),
  help: (
    <Svg>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.8 7.8a2.3 2.3 0 1 1 3.2 2.1c-.6.3-1 .8-1 1.4v.6" />
      <circle cx="10" cy="14.3" r=".4" fill="currentColor" />
    </Svg>
  ),
  panel: (
    <Svg>
      <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
      <path d="M12.5 3.5v13" />
    </Svg>
  ),
} as const;

// Whether the side panel is open, remembered on this device.
import { useCallback, useState } from 'react';

const KEY = 'cxrlab.reading.panel';

export function usePanelOpen(): [boolean, (open: boolean | ((o: boolean) => boolean)) => void] {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== 'closed';
    } catch {
      return true;
    }
  });
  const set = useCallback((value: boolean | ((o: boolean) => boolean)) => {
    setOpen((o) => {
      const next = typeof value === 'function' ? value(o) : value;
      try {
        localStorage.setItem(KEY, next ? 'open' : 'closed');
      } catch {
        // not remembered
      }
      return next;
    });
  }, []);
  return [open, set];
}

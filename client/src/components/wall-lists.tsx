import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language';

/**
 * Nobody scrolls a wall: the lists take the height the legend leaves them, and when they do not fit the
 * wall says so in words instead of hiding the rest without a trace.
 */
export function WallLists({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const outer = frame.current;
    const inner = content.current;
    if (!outer || !inner) return;
    const check = () => setCut(inner.offsetHeight > outer.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <div ref={frame} className="wall-lists" data-testid="wall-lists">
        <div ref={content}>{children}</div>
      </div>
      {cut && (
        <p className="wall-cut" data-testid="wall-cut">
          {t('wallListsCut')}
        </p>
      )}
    </>
  );
}

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';

interface Props {
  /** The button's visible text. */
  label: ReactNode;
  /** Extra text for screen readers, read before the label (e.g. "Konto:" before the user's name). */
  labelPrefix?: string;
  /** Marks the button as the current section (a page in the panel is open). */
  active?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A button that shows and hides a panel of links and buttons (the WAI-ARIA disclosure pattern, not a menu
 * role: Tab moves through the panel as through any links). Escape closes it and puts focus back on the
 * button; choosing a link, a click outside or focus leaving it close it too.
 */
export function DisclosureMenu({ label, labelPrefix, active, className, children }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { key } = useLocation();

  // Choosing a link navigates: every navigation (even to the same page) closes the panel.
  useEffect(() => setOpen(false), [key]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere inside the menu closes it; the keys go to its button and links
    <div
      ref={root}
      className={`disclosure ${className ?? ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`disclosure-button ${active ? 'active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {labelPrefix && <span className="visually-hidden">{labelPrefix} </span>}
        <span className="disclosure-label">{label}</span>
        <span className="disclosure-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="disclosure-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

import type { Ref } from 'react';

interface Props {
  title: string;
  intro?: string;
  /** Field errors in form order, each linking to its input. */
  items: ReadonlyArray<{ inputId: string; message: string }>;
  /** An error that belongs to no field (network, server). */
  general?: string | null;
  ref?: Ref<HTMLDivElement>;
  /** For a page with more than one form, each summary's heading needs its own id. */
  titleId?: string;
}

/**
 * The list of problems at the top of a form (GOV.UK / Designsystemet pattern). The parent focuses it after a
 * failed submit; each link moves focus to its field.
 */
export function ErrorSummary({ title, intro, items, general, ref, titleId = 'error-summary-title' }: Props) {
  if (items.length === 0 && !general) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {general && <p>{general}</p>}
      {items.length > 0 && (
        <>
          {intro && <p>{intro}</p>}
          <ul>
            {items.map((item) => (
              <li key={item.inputId}>
                <a
                  href={`#${item.inputId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(item.inputId);
                    el?.scrollIntoView({ block: 'center' });
                    el?.focus();
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

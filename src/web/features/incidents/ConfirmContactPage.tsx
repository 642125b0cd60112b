import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

/**
 * Where the link of a confirmation message leads (/report/confirm#token). Confirming takes a click, so a mail
 * scanner that opens links does not confirm an address for its owner.
 */
export function ConfirmContactPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  useDocumentTitle(t('confirmContact.title'));
  const token = window.location.hash.slice(1);
  const confirm = useMutation({ mutationFn: () => endpoints.confirmContact(token) });

  return (
    <div className="page confirm-contact-page">
      <h1>{t('confirmContact.title')}</h1>
      {!token ? (
        <p role="alert">{t('confirmContact.missing')}</p>
      ) : (
        <>
          <p className="lead">{t('confirmContact.intro')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={confirm.isPending || confirm.isSuccess}
            onClick={() => confirm.mutate()}
          >
            {t('confirmContact.submit')}
          </button>
          <div aria-live="polite">
            {confirm.isSuccess && <p className="notice notice-success">{t('confirmContact.done')}</p>}
            {confirm.isError && (
              <p role="alert" className="notice notice-error">
                {/* Unknown, used or expired is 404 (a mangled link 400); anything else may pass on a retry. */}
                {confirm.error instanceof ApiError && [400, 404].includes(confirm.error.status)
                  ? t('confirmContact.invalid')
                  : t('common.error', { message: errorText(confirm.error) })}
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}

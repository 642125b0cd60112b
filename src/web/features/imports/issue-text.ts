import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../../domain/imports.js';

type Issue = Pick<RowIssue, 'code' | 'message' | 'params' | 'suggestion'>;

/**
 * An import issue in the page's language: the text for its code (with the values it names), else the
 * server's English message as it came — a code the web does not know yet still says something.
 */
export function issueMessage(t: TFunction, issue: Issue): string {
  const key = issue.params ? `importIssues.withValues.${issue.code}` : `importIssues.plain.${issue.code}`;
  return t(key, { ...issue.params, defaultValue: issue.message });
}

/** The issue's suggestion in the page's language ('' when it has none). */
export function issueSuggestion(t: TFunction, issue: Issue): string {
  if (!issue.suggestion) return '';
  return t(`importIssues.suggestions.${issue.code}`, { defaultValue: issue.suggestion });
}

/** Both, bound to the page's translation. */
export function useIssueText() {
  const { t } = useTranslation();
  return { message: (i: Issue) => issueMessage(t, i), suggestion: (i: Issue) => issueSuggestion(t, i) };
}

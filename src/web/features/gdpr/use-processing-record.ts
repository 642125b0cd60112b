import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints.js';

/** The public record of processing; it changes with releases, not by the minute. */
export function useProcessingRecord() {
  return useQuery({
    queryKey: ['gdpr', 'processing-record'],
    queryFn: endpoints.processingRecord,
    staleTime: 3_600_000,
  });
}

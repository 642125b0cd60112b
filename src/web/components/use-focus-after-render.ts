import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A ref and a function that moves focus to it once React has committed the next render — for an error
 * summary or message that only appears with the state change that asks for focus (a frame callback can run
 * before that render, leaving focus where it was).
 */
export function useFocusAfterRender<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests) ref.current?.focus();
  }, [requests]);
  const focusAfterRender = useCallback(() => setRequests((n) => n + 1), []);
  return [ref, focusAfterRender] as const;
}

/** The same for an element found by id when it is asked for (e.g. the first invalid field of a form). */
export function useFocusIdAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  // A fresh object each time, so asking twice for the same id focuses twice.
  return useCallback((id: string) => setTarget({ id }), []);
}

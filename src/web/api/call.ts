import type { CallInput, RouteContract, RouteResult } from '../../contracts/define-route.js';
import { type ApiFile, apiPath, type Query, request, requestFile } from './client.js';

/** Where the API is mounted; contracts' paths are below it unless they name another mount. */
const API_BASE = '/api';

type Args<C extends RouteContract> = object extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

/** The URL of a route with its params filled in and its query appended ('/api/places/…?q=…'). */
export function routeUrl<C extends RouteContract>(contract: C, ...[input]: Args<C>): string {
  const params = (input?.params ?? {}) as Record<string, string | number>;
  const path = contract.path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.method} ${contract.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  return apiPath((contract.mount ?? API_BASE) + path, input?.query as Query | undefined);
}

/** Calls a route by its contract: path, method and the answer's type all come from the one declaration. */
export function call<C extends RouteContract>(contract: C, ...args: Args<C>): Promise<RouteResult<C>> {
  const [input] = args;
  return request<RouteResult<C>>(
    contract.method,
    routeUrl(contract, ...args),
    input?.body,
    input?.signal,
    input?.version,
  );
}

/** Calls a route whose answer is a file to save (an export made on request), not JSON to read. */
export function callForFile<C extends RouteContract>(
  contract: C,
  fallbackName: string,
  ...args: Args<C>
): Promise<ApiFile> {
  const [input] = args;
  return requestFile(contract.method, routeUrl(contract, ...args), input?.body, fallbackName);
}

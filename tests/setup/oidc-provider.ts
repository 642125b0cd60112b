import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the relying party's callback once its port is known. */
  allowRedirect(uri: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback with its development login form: any user
 * name signs in, and it becomes both the subject and the e-mail claim.
 */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const clientId = 'trygg';
  const clientSecret = 'test-client-secret-that-is-long-enough';
  // The provider reads its client list once, so it is made when the relying party's callback is known.
  let handler: ReturnType<Provider['callback']> | undefined;
  server.on('request', (req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    return res.end();
  });
  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect: (uri) => {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [uri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
        findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: sub, name: sub }) }),
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
      });
      handler = provider.callback();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

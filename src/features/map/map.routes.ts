import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mapContract as routes } from '../../contracts/map.contract.js';
import type { OnlineBasemap } from '../../domain/basemap.js';
import { serve } from '../../http/serve-route.js';

/** Tells the web app which basemap to draw: the deployment's online tiles, or none (the offline one). */
export const mapRoutes: FastifyPluginAsyncZod<{ basemap: OnlineBasemap | null }> = async (app, { basemap }) => {
  serve(app, routes.config, async () => ({ tiles: basemap }));
};

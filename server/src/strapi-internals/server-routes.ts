import type { Core } from '@strapi/strapi';

export type RegisteredRoute = {
  method?: string;
  path?: string;
  handler?: unknown;
  info?: { pluginName?: string; type?: string };
  config?: { middlewares?: unknown[] };
};
type RouteInput =
  RegisteredRoute[] | { type?: string; prefix?: string; routes?: RegisteredRoute[] };

/**
 * Strapi internal (checked against @strapi/core 5.54.0): `strapi.server.routes(input)`, the one
 * call through which every router (the admin's, the Content API's, each plugin's, GraphQL's) is
 * mounted, with each route's `info` already filled. Replacing it in register() lets the plugin see
 * every route before it is mounted, whatever registers it (route-guards/index.ts).
 */
export const beforeEachRouteIsMounted = (
  strapi: Core.Strapi,
  visit: (route: RegisteredRoute, routerType?: string) => void
) => {
  const server = strapi.server as unknown as { routes(input: RouteInput): unknown };
  const mount = server.routes.bind(server);
  server.routes = (input: RouteInput) => {
    if (Array.isArray(input)) {
      input.forEach((route) => visit(route));
    } else {
      input.routes?.forEach((route) => visit(route, input.type));
    }
    return mount(input);
  };
};

// Where the e2e run's servers listen, shared by playwright.config.mjs (which starts them) and the
// tests (test-base.mjs). No Playwright import here: the config loads it before any test.
//
//   ORIGIN          http://127.0.0.1:4173   every e2e site at its prefix (server.mjs, nginx-like lookup)
//   SPA_ORIGIN      http://127.0.0.1:4175   the same sites from a bare SPA host (--spa-fallback-only)
//   PARTNER_ORIGIN  http://127.0.0.1:4174   the partner page (fixtures/partner), a foreign site; fixed,
//                                           because the fixture config.json lists it
//   receivers       http://127.0.0.1:8797…  one reference receiver per RECEIVERS entry of sites.mjs
//
// E2E_PORT, E2E_SPA_PORT and E2E_INTAKE_PORT (the first receiver's port) move them.
import { PARTNER_ORIGIN, RECEIVERS } from './sites.mjs';

export const HOST = '127.0.0.1';
export const PORT = Number(process.env.E2E_PORT || 4173);
export const SPA_PORT = Number(process.env.E2E_SPA_PORT || 4175);
export const PARTNER_PORT = Number(new URL(PARTNER_ORIGIN).port);
export const ORIGIN = `http://${HOST}:${PORT}`;
export const SPA_ORIGIN = `http://${HOST}:${SPA_PORT}`;
export { PARTNER_ORIGIN };

const INTAKE_BASE_PORT = Number(process.env.E2E_INTAKE_PORT || 8797);
/** The port of each receiver of sites.mjs's RECEIVERS, by name. */
export const RECEIVER_PORTS = Object.freeze(Object.fromEntries(Object.keys(RECEIVERS).map((name, i) => [name, INTAKE_BASE_PORT + i])));
/** A receiver's own address (not through the site server: no faults), for the secretariat's GET. */
export const receiverURL = (name) => {
  if (!(name in RECEIVER_PORTS)) throw new Error(`no receiver "${name}" (known: ${Object.keys(RECEIVER_PORTS).join(', ')})`);
  return `http://${HOST}:${RECEIVER_PORTS[name]}`;
};
/** The secretariat's bearer token every e2e receiver accepts for GET /api/applications. */
export const INTAKE_TOKEN = 'e2e-secretariat-token';

if (new Set([PORT, SPA_PORT, PARTNER_PORT, ...Object.values(RECEIVER_PORTS)]).size !== 3 + Object.keys(RECEIVER_PORTS).length) {
  throw new Error('addresses.mjs: two e2e servers would share a port; check E2E_PORT, E2E_SPA_PORT, E2E_INTAKE_PORT');
}

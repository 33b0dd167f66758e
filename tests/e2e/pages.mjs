// Helpers shared by the specs of the site's pages (home, refund, languages, hydration, data, no-JS,
// deploy, accessibility, journeys). No Playwright test here: import it from the specs.
import AxeBuilder from '@axe-core/playwright';
import { expect, gotoSite, siteURL } from './test-base.mjs';

/** The three languages: the folder of their pages and what a person reads in the site's frame. */
export const LANGS = {
  en: {
    folder: '',
    site: 'Metropolis Diploma in Internationalization for Local Authorities',
    name: 'English',
    nav: { label: 'Main', home: 'The course', estimate: 'Estimate your fee', refund: 'Cancellations and refunds', apply: 'Apply' },
    switcher: 'Language',
    apply: 'Apply',
    estimate: 'Estimate your fee',
    refund: 'Cancellations and refunds',
    notFound: 'Page not found',
    backHome: 'Go to the course page',
  },
  fr: {
    folder: 'fr/',
    site: 'Diplôme Metropolis en internationalisation pour les autorités locales',
    name: 'Français',
    nav: { label: 'Menu principal', home: 'La formation', estimate: 'Estimer vos frais', refund: 'Annulations et remboursements', apply: 'Candidater' },
    switcher: 'Langue',
    apply: 'Candidater',
    estimate: 'Estimer vos frais',
    refund: 'Annulations et remboursements',
    notFound: 'Page introuvable',
    backHome: 'Aller à la page de la formation',
  },
  es: {
    folder: 'es/',
    site: 'Diploma Metropolis en Internacionalización para Autoridades Locales',
    name: 'Español',
    nav: { label: 'Menú principal', home: 'El curso', estimate: 'Calcule su tarifa', refund: 'Cancelaciones y reembolsos', apply: 'Solicitar plaza' },
    switcher: 'Idioma',
    apply: 'Solicitar plaza',
    estimate: 'Calcule su tarifa',
    refund: 'Cancelaciones y reembolsos',
    notFound: 'Página no encontrada',
    backHome: 'Ir a la página del curso',
  },
};

/** Text as a person reads it: every run of white space (no-break spaces too) as one space. */
export const norm = (s) => String(s).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * The answers to the app's data check: once it has taken the page over, it fetches the deployed
 * edition.json and config.json together to check the page's data against them, so their answers
 * mean hydration is done and the data check under way. Call it before what starts the app.
 */
export function dataChecked(page, name, options = {}) {
  return Promise.all(['edition.json', 'config.json'].map((file) =>
    page.waitForResponse((r) => r.url() === siteURL(name, file, options))));
}

/** Opens `path` of site `name` and waits until the application is live (see dataChecked). */
export async function openLive(page, name, path = '/', options = {}) {
  const checked = dataChecked(page, name, options);
  const response = await gotoSite(page, name, path, options);
  await checked;
  return response;
}

/** The lines of the main region's text, as a person reads them (no-break spaces normalised). */
export async function mainLines(page) {
  return (await page.getByRole('main').innerText()).split('\n').map(norm).filter(Boolean);
}

/** The whole page's visible text, normalised. */
export async function pageText(page) {
  return norm(await page.locator('body').innerText());
}

/** Expect the data-date of a [data-testid] element. */
export async function expectDate(page, testid, date) {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-date', date);
}

/**
 * Holds back the WebAssembly of every page in `page` until the returned `release()` is called: the
 * prerendered page is all there is until then, as on a slow connection.
 */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const requested = [];
  await page.route(/\.wasm$/, async (route) => {
    requested.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { release: () => release(), requested };
}

/**
 * axe (WCAG 2.1 A and AA, best practices) on the page as it stands: no violation, and more than ten
 * rules passed (an audit that checked nothing would pass too).
 */
export async function audit(page, what) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `${what}: axe violations`).toEqual([]);
  expect(results.passes.length, `${what}: rules that passed`).toBeGreaterThan(10);
}

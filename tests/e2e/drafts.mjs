// The application form as a person uses it, for the form's specs (apply, submit, journeys): the
// words of its questions and buttons in English and French, filling each step by its labels, and
// drafts in the stored formats the README's "Storage keys" describe (a public contract: drafts of
// earlier builds must open). No Playwright test here.
import { expect, siteURL } from './test-base.mjs';
import { openLive } from './pages.mjs';
import { receiverURL, INTAKE_TOKEN } from './addresses.mjs';

export const KEY = 'metropolis-diploma.draft';
export const OUTBOX = 'metropolis-diploma.outbox';
export const SENT = 'metropolis-diploma.sent';
export const BACKUP_PREFIX = 'metropolis-diploma.draft.unreadable.';

/** The form's words (public/i18n/<lang>.json, section apply), as a person reads them. */
export const FORM = {
  en: {
    folder: '',
    title: 'Apply for the Metropolis Diploma',
    apply: 'Apply',
    start: 'Start now',
    continueApp: 'Continue your application',
    continue: 'Continue',
    back: 'Back',
    saved: 'Saved on this device',
    notSaved: 'Not saved on this device',
    download: 'Download my answers (JSON file)',
    steps: ['About you', 'Your organisation', 'Your motivation', 'Registration and fees', 'Declarations'],
    progress: (n) => `Step ${n} of 5: ${FORM.en.steps[n - 1]}`,
    errorSummary: 'There is a problem',
    check: 'Check your answers before sending your application',
    send: 'Send application',
    done: 'Application received',
    reference: /^MD26-[0-9A-Z]{6}$/,
    next: 'Pay the invoice by bank transfer.',
    about: {
      first: 'First name', surname: 'Surname', email: 'Email address', phone: 'Phone number', job: 'Job title',
      department: 'Department', years: 'Years of experience in international affairs',
      career: ['Career stage', 'Mid-career'],
    },
    organisation: {
      name: 'Organisation', authority: ['Kind of authority', 'Local authority (city, municipality)'], city: 'City',
      country: 'Country', countryName: 'Spain', member: 'Is your organisation a Metropolis member?',
      dues: 'Has your organisation paid its 2024 membership dues?',
      ia: 'Does your organisation have an international-affairs department?', yes: 'Yes', no: 'No',
    },
    motivation: {
      why: 'Why do you want to take part?', experience: 'What city experience will you share with the other participants?',
      project: 'What is your idea for the final project?', english: ['What is your working level of English?', 'Fluent or native'],
    },
    registration: {
      group: 'Are you registering alone or with colleagues from the same organisation?', alone: 'Alone', together: 'With colleagues',
      billingOrg: 'Billing organisation', billingAddress: 'Billing address', invoiceEmail: 'Email address for the invoice',
    },
    declarations: [
      'I accept the general conditions of the course',
      'I agree that Metropolis processes my personal data to assess this application',
      'The information I have given is true',
    ],
  },
  fr: {
    folder: 'fr/',
    title: 'Candidater au Diplôme Metropolis',
    apply: 'Candidater',
    start: 'Commencer',
    continueApp: 'Reprendre votre candidature',
    continue: 'Continuer',
    back: 'Retour',
    saved: 'Enregistré sur cet appareil',
    notSaved: 'Non enregistré sur cet appareil',
    download: 'Télécharger mes réponses (fichier JSON)',
    steps: ['À propos de vous', 'Votre organisation', 'Votre motivation', 'Inscription et frais', 'Déclarations'],
    progress: (n) => `Étape ${n} sur 5 : ${FORM.fr.steps[n - 1]}`,
    errorSummary: 'Il y a un problème',
    check: 'Vérifiez vos réponses avant d’envoyer votre candidature',
    send: 'Envoyer la candidature',
    done: 'Candidature reçue',
    reference: /^MD26-[0-9A-Z]{6}$/,
    next: 'Réglez la facture par virement bancaire.',
    about: {
      first: 'Prénom', surname: 'Nom', email: 'Adresse électronique', phone: 'Numéro de téléphone', job: 'Intitulé du poste',
      department: 'Service', years: 'Années d’expérience dans les relations internationales',
      career: ['Niveau de carrière', 'Milieu de carrière'],
    },
    organisation: {
      name: 'Organisation', authority: ['Type d’autorité', 'Autorité locale (ville, commune)'], city: 'Ville',
      country: 'Pays', countryName: 'Espagne', member: 'Votre organisation est-elle membre de Metropolis ?',
      dues: 'Votre organisation est-elle à jour de sa cotisation 2024 ?',
      ia: 'Votre organisation dispose-t-elle d’un service des relations internationales ?', yes: 'Oui', no: 'Non',
    },
    motivation: {
      why: 'Pourquoi souhaitez-vous participer ?', experience: 'Quelle expérience de votre ville partagerez-vous avec les autres participants ?',
      project: 'Quelle est votre idée de projet final ?', english: ['Quel est votre niveau d’anglais en contexte professionnel ?', 'Courant ou langue maternelle'],
    },
    registration: {
      group: 'Vous inscrivez-vous individuellement ou avec des collègues de la même organisation ?', alone: 'Individuellement', together: 'Avec des collègues',
      billingOrg: 'Organisation facturée', billingAddress: 'Adresse de facturation', invoiceEmail: 'Adresse électronique pour la facture',
    },
    declarations: [
      'J’accepte les conditions générales de la formation',
      'J’accepte que Metropolis traite mes données personnelles pour examiner cette candidature',
      'Les informations que j’ai fournies sont exactes',
    ],
  },
};

/** An applicant's answers, as typed. */
export const APPLICANT = {
  first: 'Aïcha', surname: 'Diallo', email: 'aicha@example.org', phone: '+34 600 000 000', job: 'International relations officer',
  department: 'International affairs', years: '5', organisation: 'Barcelona City Council', city: 'Barcelona',
  why: 'To learn how cities work together.', experience: 'Our climate plan.', project: 'A network of cities.',
  billingAddress: 'Plaça Sant Jaume 1, Barcelona', invoiceEmail: 'invoices@example.org',
};

/** The radio `option` of the question `question` (a fieldset, named by its legend). */
export const choice = (page, question, option) => page.getByRole('group', { name: question }).getByLabel(option, { exact: true });
/** A field by its label, exactly. */
export const field = (page, label) => page.getByLabel(label, { exact: true });
/** "Start now" (its name ends with a decorative chevron: "Start now ›"). */
export const startNow = (page, lang = 'en') => page.getByRole('link', { name: new RegExp(`^${FORM[lang].start}\\b`) });
/** The back link above a page ("‹ Back"). */
export const backLink = (page, lang = 'en') => page.getByRole('link', { name: new RegExp(`(^|\\s)${FORM[lang].back}$`) });
/** The line under each step that says whether the answers are kept on this device. */
export const saveStatus = (page) => page.getByRole('status').filter({ hasText: /^(Saving…|(Not s|S)aved on this device|(Non e|E)nregistr)/ });
/** The step's heading. */
export const heading = (page) => page.getByRole('heading', { level: 1 });

/**
 * Clicks (or taps, on a touch screen) Continue and waits for step `n` (1-5), or for the check page
 * when `n` is 'check'.
 */
export async function next(page, lang, n, press = (l) => l.click()) {
  const w = FORM[lang];
  await press(page.getByRole('button', { name: w.continue, exact: true }));
  if (n === 'check') await expect(heading(page)).toHaveText(w.check);
  else await expect(page.getByText(w.progress(n), { exact: true })).toBeVisible();
}

/** Step 1, filled by its labels (the step is open). */
export async function fillAboutYou(page, lang, press = (l) => l.click()) {
  const a = FORM[lang].about;
  await field(page, a.first).fill(APPLICANT.first);
  await field(page, a.surname).fill(APPLICANT.surname);
  await field(page, a.email).fill(APPLICANT.email);
  await field(page, a.phone).fill(APPLICANT.phone);
  await field(page, a.job).fill(APPLICANT.job);
  await field(page, a.department).fill(APPLICANT.department);
  await field(page, a.years).fill(APPLICANT.years);
  await press(choice(page, a.career[0], a.career[1]));
}

/** Step 2: a member city of Spain that paid its dues (the member's fee). */
export async function fillOrganisation(page, lang, press = (l) => l.click()) {
  const o = FORM[lang].organisation;
  await field(page, o.name).fill(APPLICANT.organisation);
  await press(choice(page, o.authority[0], o.authority[1]));
  await field(page, o.city).fill(APPLICANT.city);
  await field(page, o.country).fill(o.countryName);
  await field(page, o.country).blur();
  await expect(field(page, o.country)).toHaveAttribute('data-iso3', 'ESP');
  await press(choice(page, o.member, o.yes));
  await press(choice(page, o.dues, o.yes));
  await press(choice(page, o.ia, o.yes));
}

/** Step 3. */
export async function fillMotivation(page, lang, press = (l) => l.click()) {
  const m = FORM[lang].motivation;
  await field(page, m.why).fill(APPLICANT.why);
  await field(page, m.experience).fill(APPLICANT.experience);
  await field(page, m.project).fill(APPLICANT.project);
  await press(choice(page, m.english[0], m.english[1]));
}

/** Step 4: alone, with the invoice details. */
export async function fillRegistration(page, lang, press = (l) => l.click()) {
  const r = FORM[lang].registration;
  await press(choice(page, r.group, r.alone));
  await field(page, r.billingOrg).fill(APPLICANT.organisation);
  await field(page, r.billingAddress).fill(APPLICANT.billingAddress);
  await field(page, r.invoiceEmail).fill(APPLICANT.invoiceEmail);
}

/** Step 5: every box ticked. */
export async function fillDeclarations(page, lang, press = (l) => l.click()) {
  for (const label of FORM[lang].declarations) await press(field(page, label));
}

/** A complete draft, as stored (schema 2), for the edition of the fixed-clock sites. */
export function envelope(overrides = {}, savedAt = '2026-04-15T07:00:00.000Z') {
  return {
    kind: 'metropolis-diploma-draft',
    schema: 2,
    edition: '2026-4',
    saved_at: savedAt,
    data: {
      key: crypto.randomUUID(),
      about: {
        first_name: 'Aïcha', surname: 'Diallo', email: 'aicha@example.org', phone: '+34 600 000 000',
        job_title: 'International relations officer', department: 'International affairs',
        years_experience: '5', career_stage: 'mid_career',
      },
      organisation: {
        name: 'Barcelona City Council', city: 'Barcelona', authority: 'local', country: 'ESP', member: 'yes',
        dues_paid: true, ia_department: true,
      },
      motivation: {
        why: 'To learn how cities work together.', experience: 'Our climate plan.', project: 'A city network.',
        english: 'fluent',
      },
      registration: {
        billing_organisation: 'Barcelona City Council', billing_address: 'Plaça Sant Jaume 1, Barcelona',
        tax_id: '', po_reference: '', invoice_email: 'invoices@example.org',
        with_colleagues: false, colleagues: [], reduced_requested: false,
      },
      declarations: { conditions: true, data_consent: true, truthful: true },
      ...overrides,
    },
  };
}

/** A draft as the prototype stored it (version 1): one name, a boolean membership, no key. */
export function v1Draft() {
  return {
    version: 1,
    edition: '2026-4',
    saved: '2026-04-14T10:00:00.000Z',
    answers: { about: { name: 'Ana María López', email: 'ana@example.org' }, organisation: { member: true } },
  };
}

/**
 * Puts `text` (a draft object, or raw text) under the draft's key of site `site` before any page of
 * the site runs, as if a visit days ago had left it there, then opens `path` and waits until the
 * application is live (it has read the draft by then).
 */
export async function withStored(page, site, text, path = '/apply') {
  const value = typeof text === 'string' ? text : JSON.stringify(text);
  // Once, on the first document of this origin: later loads see what the form made of it.
  await page.addInitScript(([k, v]) => {
    try {
      if (location.protocol.startsWith('http') && !sessionStorage.getItem('e2e-seeded')) {
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.setItem(k, v);
      }
    } catch {
      // a document without storage (about:blank)
    }
  }, [KEY, value]);
  await openLive(page, site, path);
}

/** The stored draft (parsed), or null. */
export const storedDraft = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), KEY);

/** The applications the receiver of `receiver` stored with this idempotency key (the secretariat's GET). */
export async function receivedRows(request, receiver, key) {
  const res = await request.get(`${receiverURL(receiver)}/api/applications`, { headers: { Authorization: `Bearer ${INTAKE_TOKEN}` } });
  expect(res.status()).toBe(200);
  return (await res.json()).filter((r) => r.idempotency_key === key);
}

/** Faults for the POSTs with this idempotency key, injected by the site server (server.mjs). */
export async function injectFaults(request, key, faults) {
  const res = await request.post('/__faults', { data: { key, faults } });
  expect(res.status()).toBe(204);
}

/** The address of the receiver's endpoint as site `site`'s pages post to it. */
export const endpoint = (site) => siteURL(site, 'api/applications');

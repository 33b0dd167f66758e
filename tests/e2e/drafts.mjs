// Drafts as the form stores them, for the form's and the submission's tests.
import { expect } from '@playwright/test';

export const KEY = 'metropolis-diploma.draft';

/** A complete draft, as stored (schema 2). */
export function envelope(overrides = {}, savedAt = '2025-09-01T10:00:00.000Z') {
  return {
    kind: 'metropolis-diploma-draft',
    schema: 2,
    edition: '2025-3',
    saved_at: savedAt,
    data: {
      key: '00000000-0000-4000-8000-000000000000',
      about: {
        first_name: 'Aïcha', surname: 'Diallo', email: 'aicha@example.org', phone: '+34 600 000 000',
        job_title: 'International relations officer', department: 'International affairs',
        years_experience: '5', career_stage: 'mid_career',
      },
      organisation: {
        name: 'Barcelona City Council', authority: 'local', city: 'Barcelona', country: 'ESP', member: 'yes',
        dues_paid: true, ia_department: true,
      },
      motivation: {
        why: 'To learn how cities work together.', experience: 'Our climate plan.', project: 'A city network.',
        english: 'fluent',
      },
      registration: {
        with_colleagues: false, colleagues: [], reduced_requested: false,
        billing_organisation: 'Barcelona City Council', billing_address: 'Plaça Sant Jaume 1, Barcelona',
        tax_id: '', po_reference: '', invoice_email: 'invoices@example.org',
      },
      declarations: { conditions: true, data_consent: true, truthful: true },
      ...overrides,
    },
  };
}

/** Opens the wizard with this draft already stored on the device. */
export async function withDraft(page, env, url = '/apply') {
  await page.goto('/apply');
  await expect(page.locator('h1')).toBeVisible(); // the app has read the (empty) storage
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(env)]);
  await page.goto(url);
}


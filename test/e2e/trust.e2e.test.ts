// Issue 16, "a console a tired worker trusts": an idle page sends nothing but its live events, the rota
// shows each day's own hours, "Aangekomen" on the board goes through the intake (guarantee and handoff),
// what cannot be undone asks first, OCMW staff land on their queue, and axe-core finds nothing serious.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleUnderTest, showPlace } from './console';

const { signIn } = consoleUnderTest();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The API requests a page makes in `ms` while nobody touches it (socket.io's own transport excluded). */
async function idleRequests(page: Page, ms: number): Promise<string[]> {
  const seen: string[] = [];
  const listen = (r: { url: () => string }) => {
    if (r.url().includes('/api/')) seen.push(r.url());
  };
  page.on('request', listen);
  await page.waitForTimeout(ms);
  page.off('request', listen);
  return seen;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
          }>;
        };
      }
    ).axe.run(),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary.split('\n')[1] ?? ''}`,
    );
}

it('an idle rota page makes no requests (it made 20 to 50 a second), and shows each day its own hours', async () => {
  const lead = await signIn('coordinator', '/rooster');
  await lead.getByTestId('rota-day').first().waitFor();
  await lead.waitForTimeout(1000); // the first loads
  expect(await idleRequests(lead, 5000)).toEqual([]);
  // Each day shows its own hours: a night over midnight is cut at 24:00 and goes on at 00:00 the next
  // day, never "17:00–08:30" twice. A weekday: 00:00–08:30 and 17:00–24:00; a weekend day: 00:00–24:00.
  const spans = await lead.locator('.rota-span').allTextContents();
  for (const span of spans) {
    const [from, to] = span.split('–');
    expect(from! < to!, span).toBe(true);
  }
  const days = await lead
    .getByTestId('rota-day')
    .evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.rota-span')].map((s) => s.textContent).join(' ')));
  expect(days.filter((d) => d === '00:00–08:30 17:00–24:00').length).toBeGreaterThanOrEqual(4); // Monday to Friday, a holiday aside
  expect(days.filter((d) => d === '00:00–24:00').length).toBeGreaterThanOrEqual(1); // Saturday
});

it('"Aangekomen" on the board opens the intake, and saving places the person with guarantee and handoff', async () => {
  const sofie = await signIn('permanentie');
  const place = await showPlace(sofie, 'Noodwoning Turnhout');
  await place.getByTestId('hold-initials').fill('P.D.');
  await place.getByTestId('hold-submit').click();
  const hold = place.getByTestId('hold').filter({ hasText: 'P.D.' });
  await hold.waitFor();
  // Release asks first: one tap does nothing yet.
  await hold.getByTestId('hold-release').click();
  expect(await hold.getByTestId('hold-release-yes').count()).toBe(1);
  await hold.getByRole('button', { name: 'Nee' }).click();
  expect(await place.getByTestId('hold').filter({ hasText: 'P.D.' }).count()).toBe(1);

  await hold.getByTestId('hold-arrived').click();
  const form = sofie.getByTestId('intake-form');
  expect(await sofie.getByTestId('intake-held').textContent()).toContain('Noodwoning Turnhout');
  await form.getByLabel('Organisatie').fill('Politie Regio Turnhout');
  await form.getByLabel('Naam of initialen').fill('Pieter Dewit');
  await form.getByTestId('intake-ethos').selectOption('public_space');
  await form.getByTestId('intake-request-nis').selectOption({ label: 'Turnhout' });
  await form.getByRole('button', { name: 'Opslaan en plaatsen' }).click();
  await sofie.getByTestId('case-handoff').waitFor();
  expect(await sofie.getByTestId('case-place').textContent()).toContain('Noodwoning Turnhout');
  expect(await sofie.getByTestId('case-guarantee').textContent()).toMatch(/Turnhout staat borg voor 2 nachten/);
  expect(await sofie.getByTestId('case-place-contact').textContent()).toContain('2300 Turnhout'); // the address to give the patrol
});

it('the intake marks a refused field in plain words, and has no default ETHOS situation', async () => {
  const sofie = await signIn('permanentie', '/aanmelding');
  const form = sofie.getByTestId('intake-form');
  expect(await form.getByTestId('intake-ethos').inputValue()).toBe('');
  await form.getByLabel('Organisatie').fill('AZ Turnhout');
  await form.getByLabel('Naam of initialen').fill('Ann Aerts');
  await form.getByTestId('intake-household').selectOption('moeder_met_kinderen');
  await form.getByRole('spinbutton', { name: 'Kinderen' }).fill('2');
  await form.getByLabel('Leeftijden').fill('4');
  await form.getByTestId('intake-ethos').selectOption('public_space');
  await form.getByTestId('intake-request-nis').selectOption({ label: 'Turnhout' });
  await form.getByRole('button', { name: 'Aanmelding bewaren' }).click();
  await form.getByTestId('field-error').waitFor();
  expect(await form.getByLabel('Leeftijden').getAttribute('aria-invalid')).toBe('true');
  expect(await form.getByTestId('field-error').textContent()).toBe('1 leeftijden opgegeven voor 2 kinderen');
  expect(await form.getByTestId('intake-error').textContent()).not.toContain('body.');
});

it('OCMW staff land on their queue', async () => {
  const els = await signIn('ocmw-turnhout', '/');
  await expect.poll(() => els.evaluate(() => location.pathname)).toBe('/overdrachten');
});

it("axe-core finds no serious or critical violation on the desk's pages", async () => {
  const sofie = await signIn('coordinator');
  const found: Record<string, string[]> = {};
  for (const path of ['/bord', '/oproepen', '/aanmelding', '/overdrachten', '/rooster', '/kerncijfers']) {
    await sofie.goto(new URL(path, sofie.url()).toString());
    await sofie.getByText('Live', { exact: true }).first().waitFor();
    await sofie.waitForTimeout(500);
    const v = await seriousViolations(sofie);
    if (v.length) found[path] = v;
  }
  expect(found).toEqual({});
});

it('on a phone every visible button, select and field on the calls page is at least 44 px tall', async () => {
  const sofie = await signIn('permanentie', '/oproepen');
  await sofie.getByTestId('simulator').waitFor();
  const small = await sofie
    .locator('main button:visible, main select:visible, main input:not([type=checkbox]):visible')
    .evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)),
    );
  expect(small).toEqual([]);
});

// Paper that works when everything else fails (issue 16, point 4): the one-page night sheet printed at
// shift start, and the board on A4. The server's clock stands at Sunday 25 October 2026 02:30 in
// Brussels (01:30 UTC, just after the clocks went back); the demo seed's rota then has An Peeters on the
// primary line and Tom Van Gorp as backup (week 41 of the turns from 5 January), the coordinator Koen.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleUnderTest } from './console';

const { signIn } = consoleUnderTest();

/** Pages in a PDF from Chromium: one "/Type /Page" object per page ("/Pages" is the tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const rows = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));

it('the night sheet prints on one A4 page: duty and numbers, free places, OCMW contacts, date and time', async () => {
  const sofie = await signIn('permanentie');
  await sofie.getByTestId('night-sheet-link').click();
  await sofie.getByTestId('night-sheet').waitFor();
  expect(new URL(sofie.url()).pathname).toBe('/nachtblad');
  await sofie.emulateMedia({ media: 'print' });

  expect(await sofie.locator('h1').textContent()).toBe('Nachtblad Kempen – nacht van za 24 okt');
  expect(await sofie.getByTestId('sheet-printed').textContent()).toBe('Afgedrukt zo 25 okt 2026 02:30');
  expect(await rows(sofie, 'sheet-duty')).toEqual([
    ['Eerste lijn', 'An Peeters', '+32471204518'],
    ['Back-up', 'Tom Van Gorp', '+32495902371'],
    ['Coördinator', 'Koen Coördinator', '+32478223344'],
  ]);
  // The demo's 43 places less the 5 hotels without a count tonight.
  const places = await rows(sofie, 'sheet-places');
  expect(places).toHaveLength(38);
  expect(places.find((r) => r[0] === 'Noodwoning Turnhout')?.slice(1, 2)).toEqual(['4']);
  expect(places.find((r) => r[0] === 'Vluchthuis Kempen')?.[2]).toBe('+3214401990 Adres vertrouwelijk – bel'); // never a refuge's address to a duty worker
  expect(places.some((r) => r[0]!.startsWith('Hotel'))).toBe(false);
  const ocmws = await rows(sofie, 'sheet-ocmws');
  expect(ocmws).toHaveLength(27);
  expect(ocmws.find((r) => r[0] === 'Sociaal Huis Turnhout')?.[2]).toBe('+32476400040');
  expect(ocmws.find((r) => r[0] === 'OCMW Geel')?.slice(1)).toEqual(['+3214408666', '+32476400008']);

  // On paper: no console bars, everything above visible, and one page.
  for (const bar of ['.topbar', '.context-bar', 'nav'])
    expect(await sofie.locator(bar).first().isVisible(), bar).toBe(false);
  expect(await sofie.locator('.night-sheet h1').isVisible()).toBe(true);
  expect(await sofie.getByTestId('sheet-printed').isVisible()).toBe(true);
  expect(await sofie.getByTestId('sheet-duty').isVisible()).toBe(true);
  expect(await sofie.getByTestId('sheet-ocmws').locator('tbody tr').last().isVisible()).toBe(true);
  const pdf = await sofie.pdf({ format: 'A4', printBackground: true });
  expect(pdfPages(pdf)).toBe(1);
});

it('the board prints every place, also the ones folded away on screen, with the date and time', async () => {
  const sofie = await signIn('permanentie');
  await sofie.locator('[data-place]').first().waitFor({ state: 'attached' });
  const onScreen = await sofie
    .locator('[data-testid="place"]')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  expect(onScreen).toBeLessThan(43);
  await sofie.emulateMedia({ media: 'print' });
  const printed = await sofie.locator('[data-testid="place"]').evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({
        name: e.querySelector('h3')?.textContent,
        free: e.querySelector('[data-testid="place-free"]')?.textContent,
      })),
  );
  expect(printed).toHaveLength(43);
  expect(printed.find((p) => p.name === 'Noodwoning Turnhout')?.free).toBe('4 van 4 vrij');
  expect(printed.find((p) => p.name === 'Hotel Terminus (partner)')?.free).toBe('Volzet');
  expect(await sofie.getByTestId('board-at').textContent()).toBe('Stand van zo 25 okt 2026 02:30');
  for (const bar of ['.topbar', '.context-bar', 'nav', '.filters'])
    expect(await sofie.locator(bar).first().isVisible(), bar).toBe(false);
  const pdf = await sofie.pdf({ format: 'A4' });
  expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
});

// Issue 20 on a phone: the case shows its reference; holding a place shows the text to the referrer
// with the moment it leaves, and "Tegenhouden" stops it; a fixed-line referrer gets no text and the
// case says why.
import { expect, it } from 'vitest';
import { ApiClient } from '../helpers/server';
import { consoleUnderTest } from './console';

const { ctx, signIn } = consoleUnderTest();

async function intakeFor(phone: string): Promise<{ id: string; reference: string }> {
  const api = new ApiClient(ctx.server.url);
  await api.login('coordinator');
  const res = await api.post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Regio Turnhout', phone },
    person: { name: 'Maria Janssens' },
    household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
    ethos: 'public_space',
    facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

it('shows the pending text to the referrer and stops it on request', async () => {
  const intake = await intakeFor('0470 12 34 99');
  const sofie = await signIn('permanentie', `/aanmelding?id=${intake.id}`);
  expect(await sofie.getByTestId('case-reference').textContent()).toBe(intake.reference);
  await sofie.getByTestId('pick-place').first().getByRole('button', { name: 'Vasthouden' }).click();
  const sms = sofie.getByTestId('case-referrer-sms');
  await sms.waitFor();
  expect(await sms.textContent()).toContain(`Noodopvang ${intake.reference}: plaats vastgehouden tot`);
  expect(await sms.textContent()).toMatch(/vertrekt om \d\d:\d\d/);
  await sms.getByTestId('referrer-sms-stop').click();
  await expect.poll(() => sms.locator('li').getAttribute('data-status')).toBe('cancelled');
  expect(await sms.textContent()).toContain('tegengehouden');
  expect(await sms.getByTestId('referrer-sms-stop').count()).toBe(0);
});

it('tells the worker why a fixed-line referrer gets no text', async () => {
  const intake = await intakeFor('014 41 22 33');
  const sofie = await signIn('permanentie', `/aanmelding?id=${intake.id}`);
  const why = sofie.getByTestId('referrer-sms-why');
  await why.waitFor();
  expect(await why.textContent()).toBe(
    '014 41 22 33 is geen gsm-nummer: er gaat geen sms. Geef adres en referentie telefonisch door, of vul een gsm-nummer in.',
  );
});

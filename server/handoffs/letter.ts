// The printable handoff letter to the competent OCMW, in its language (Dutch or French): who, the
// household, why this OCMW is competent, the placement and the cost guarantee, what we ask of it and
// how to reach the desk. Only what the OCMW needs to take over: no story, no health data (those go by
// phone, under professional secrecy). Every value is HTML-escaped; reading it is audited.
import type { CompetenceDecision, CompetenceRule } from '../../shared/rules/competence';
import { atLocal } from '../../shared/rules/wall-clock';
import { auditReads } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import type { Handover } from '../db/schema';
import { ocmwSummary } from '../intake/intake.queries';
import { regionDesk } from '../region/settings';
import type { Services } from '../services';
import { handoffInScope } from './handoffs.commands';

type Lang = 'nl' | 'fr';
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const euro = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-BE' : 'nl-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const dateTime = (d: Date | string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-BE' : 'nl-BE', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(d));
const date = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-BE' : 'nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(
    atLocal(iso, '12:00').toJSDate(),
  );

const HOUSEHOLD: Record<string, [string, string]> = {
  alleenstaande_man: ['alleenstaande man', 'homme seul'],
  alleenstaande_vrouw: ['alleenstaande vrouw', 'femme seule'],
  zwanger_koppel: ['zwanger koppel', 'couple attendant un enfant'],
  moeder_met_kinderen: ['moeder met kinderen', 'mère avec enfants'],
  vader_met_kinderen: ['vader met kinderen', 'père avec enfants'],
  gezin_met_kinderen: ['gezin met kinderen', 'famille avec enfants'],
};

// The law's reasons in French (the rules write Dutch and English): Loi du 2 avril 1965, art. 1-2.
const RULE_FR: Record<CompetenceRule, (w: string) => string> = {
  student: (w) =>
    `Étudiant : commune d'inscription au moment de la demande, ${w} (art. 2 §6 de la loi du 2 avril 1965).`,
  asylum: (w) =>
    `Demandeur de protection internationale ou temporaire : commune d'inscription (lieu obligatoire, code 207), ${w} (art. 2 §5).`,
  leaving_reception: (w) =>
    `Quitte une structure d'accueil et demande une garantie locative au plus tard le dernier jour : commune du nouveau logement, ${w} (art. 2 §8).`,
  institution_registered: (w) =>
    `Séjourne dans un établissement visé à l'art. 2 §1 et était inscrit à ${w} lors de l'admission ; cela reste le cas en cas de transfert ininterrompu (§3).`,
  institution_unregistered: (w) =>
    `Dans un établissement mais non inscrit lors de l'admission : règle des sans-abri, ${w} (art. 2 §1, §7).`,
  hospital: (w) =>
    `Dans un hôpital général, aide urgente demandée pendant le séjour : commune de l'hôpital, ${w} (art. 2 §2).`,
  homeless: (w) =>
    `Sans abri : commune où la personne séjourne effectivement ou, à défaut, où la demande a été faite, ${w} (art. 2 §7).`,
  reference_address: (w) =>
    `Une adresse de référence ne détermine pas la compétence ; règle des sans-abri, ${w} (art. 2 §7).`,
  rent_guarantee_departure: (w) => `Garantie locative lors d'un déménagement : le CPAS de départ, ${w}.`,
  residence: (w) => `Personne logée (expulsion, incendie, ...) : commune de résidence habituelle, ${w} (art. 1).`,
};

function reasonIn(lang: Lang, d: CompetenceDecision, frName: (nis: string) => string): string {
  if (lang === 'nl') return d.reason.nl;
  if (d.override)
    return `Désigné par l'intervenant de permanence : ${frName(d.nis)}. Motif (tel qu'écrit) : ${d.override.reason}`;
  if (d.agreement)
    return `Accord régional « ${d.agreement.label} » : le CPAS de la commune du lieu d'accueil, ${frName(d.nis)}, reprend le dossier.`;
  return RULE_FR[d.rule](frName(d.nis));
}

const T = {
  nl: {
    title: 'Overdracht noodopvang en borgstelling',
    reference: 'Referentie',
    to: 'Aan',
    from: 'Van',
    date: 'Datum',
    person: 'Persoon',
    born: 'geboren',
    household: 'Huishouden',
    adults: 'volwassene(n)',
    children: 'kind(eren)',
    why: 'Waarom uw OCMW bevoegd is',
    placement: 'Opvang',
    place: 'Opvangplaats',
    firstNight: 'Eerste nacht',
    nights: 'Nachten',
    perNight: 'Kost per nacht',
    total: 'Borgstelling (totaal)',
    ask: 'Wat we van u vragen',
    askText: (due: string) =>
      `Neem de opvolging over vanaf ${due}: de borgstelling loopt tot dan. Bevestig de ontvangst aan de permanentie. Meent u dat uw OCMW niet bevoegd is, stuur het dossier dan binnen 5 kalenderdagen schriftelijk door naar het bevoegde OCMW en laat het ons weten.`,
    handover: 'Overgedragen',
    phone: (c: string, at: string) => `telefonisch met ${c}, ${at}`,
    email: (c: string, at: string) => `per e-mail aan ${c}, ${at}`,
    contact: 'Contact permanentie',
    worker: 'Permanentiemedewerker',
    secret: 'Vertrouwelijk: beroepsgeheim. Verdere gegevens (zorgnoden, verhaal) geven we telefonisch door.',
  },
  fr: {
    title: "Transmission d'un dossier d'accueil d'urgence et prise en charge",
    reference: 'Référence',
    to: 'À',
    from: 'De',
    date: 'Date',
    person: 'Personne',
    born: 'né(e) le',
    household: 'Ménage',
    adults: 'adulte(s)',
    children: 'enfant(s)',
    why: 'Pourquoi votre CPAS est compétent',
    placement: 'Accueil',
    place: "Lieu d'accueil",
    firstNight: 'Première nuit',
    nights: 'Nuits',
    perNight: 'Coût par nuit',
    total: 'Prise en charge (total)',
    ask: 'Ce que nous vous demandons',
    askText: (due: string) =>
      `Reprenez le suivi à partir du ${due} : la prise en charge court jusque-là. Confirmez la réception à la permanence. Si vous estimez que votre CPAS n'est pas compétent, transmettez le dossier par écrit au CPAS compétent dans les 5 jours calendrier et informez-nous.`,
    handover: 'Transmis',
    phone: (c: string, at: string) => `par téléphone avec ${c}, ${at}`,
    email: (c: string, at: string) => `par e-mail à ${c}, ${at}`,
    contact: 'Contact de la permanence',
    worker: 'Intervenant de permanence',
    secret:
      'Confidentiel : secret professionnel. Les autres informations (besoins de soins, récit) sont transmises par téléphone.',
  },
} as const;

export async function handoffLetter(services: Services, user: AuthUser, id: string, lang?: Lang): Promise<string> {
  const { db, clock, config } = services;
  const h = await handoffInScope(services, user, id);
  const [intake, guarantee, ocmw, names] = await Promise.all([
    db.selectFrom('intakes').selectAll().where('id', '=', h.intake_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('guarantees')
      .innerJoin('places', 'places.id', 'guarantees.place_id')
      .select([
        'guarantees.first_night',
        'guarantees.nights',
        'guarantees.cost_per_night_cents',
        'guarantees.total_cents',
        'places.name as place',
        'places.municipality_nis as placeNis',
        'places.confidential_address',
        'places.address',
      ])
      .where('guarantees.intake_id', '=', h.intake_id)
      .executeTakeFirst(),
    ocmwSummary(db, h.ocmw_nis),
    db.selectFrom('municipalities').select(['nis', 'name', 'name_fr']).execute(),
  ]);
  const l: Lang = lang ?? ocmw.letterLanguage;
  const t = T[l];
  const nameOf = (nis: string) => {
    const m = names.find((x) => x.nis === nis);
    return (l === 'fr' ? m?.name_fr : m?.name) ?? m?.name ?? nis;
  };
  const decision = intake.competence as unknown as CompetenceDecision;
  const handover = h.handover as Handover | null;
  const due = dateTime(h.due_at, l);
  await auditReads(db, clock.now(), user.id, 'intake', [intake.id]);
  const row = (k: string, v: string) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`;
  // The desk that recorded the intake signs the letter: its region's name and number, not the first region's.
  const deskOf = await regionDesk(db, intake.region_code, config.twilio.phoneNumber);
  const desk = [deskOf.name, deskOf.number].filter(Boolean).join(', ');
  return `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><title>${esc(t.title)}</title>
<style>body{font:11pt/1.45 Georgia,serif;max-width:42rem;margin:2rem auto;color:#111}th{text-align:left;padding-right:1rem;vertical-align:top;font-weight:normal;color:#444}h1{font-size:15pt}h2{font-size:12pt;margin-top:1.4rem}small{color:#444}</style>
</head><body>
<h1>${esc(t.title)}</h1>
<table>${intake.reference ? row(t.reference, intake.reference) : ''}${row(t.to, ocmw.name)}${row(t.from, desk)}${row(t.date, dateTime(clock.now(), l))}</table>
<h2>${esc(t.person)}</h2>
<p>${esc(intake.person_name)}${intake.birth_date ? `, ${esc(t.born)} ${esc(date(intake.birth_date, l))}` : ''}</p>
<p>${esc(t.household)}: ${esc(HOUSEHOLD[intake.household_type]?.[l === 'fr' ? 1 : 0] ?? intake.household_type)}, ${intake.adults} ${esc(t.adults)}, ${intake.children} ${esc(t.children)}</p>
<h2>${esc(t.why)}</h2>
<p>${esc(reasonIn(l, decision, nameOf))}</p>
${
  guarantee
    ? `<h2>${esc(t.placement)}</h2><table>
${row(t.place, `${guarantee.place}, ${nameOf(guarantee.placeNis)}${guarantee.address && !guarantee.confidential_address ? `, ${guarantee.address}` : ''}`)}
${row(t.firstNight, date(guarantee.first_night, l))}${row(t.nights, String(guarantee.nights))}
${row(t.perNight, euro(guarantee.cost_per_night_cents, l))}${row(t.total, euro(guarantee.total_cents, l))}</table>`
    : ''
}
<h2>${esc(t.ask)}</h2>
<p>${esc(t.askText(due))}</p>
${handover ? `<p>${esc(t.handover)}: ${esc(handover.method === 'phone' ? t.phone(handover.contact, dateTime(handover.at, l)) : t.email(handover.contact, dateTime(handover.at, l)))}</p>` : ''}
<h2>${esc(t.contact)}</h2>
<p>${esc(desk)}<br>${esc(t.worker)}: ${esc(user.displayName)}</p>
<p><small>${esc(t.secret)}</small></p>
</body></html>`;
}

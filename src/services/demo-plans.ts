// The three seed plans entered faithfully (../shared/seeds, see DOMAIN.md). Figures the seeds quote but the
// demo data set lacks are entered as the seeds give them, with the seed as their source. Indicators that
// the data set covers are linked to the real statistics.
import type { Kysely } from 'kysely';
import * as accounts from '../db/repositories/accounts.ts';
import { findPlanBySlug } from '../db/repositories/plans.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './access.ts';
import { ensureFirstAdmin } from './auth.ts';
import * as svc from './plans.ts';

const FAXE_SOURCE = 'Status på mål i Beskæftigelsesplanen 2020-2021, Faxe Kommune, april 2021';
const FREDERICIA_SOURCE = 'Beskæftigelsesplan 2019, Fredericia Kommune';
const LTK_SOURCE = 'Erhvervs- og Beskæftigelsesudvalget 24. februar 2015, bilag 1';

type Ind = {
  kind: svc.IndicatorKindInput;
  title: string;
  config: Record<string, unknown>;
  sourceNote: string;
  status?: StatusSeed;
};
type StatusSeed = { text: string; value?: number | null; valuePeriod?: string; done?: boolean };
interface GoalSeed {
  number: string;
  kind: 'ministermål' | 'lokalt mål';
  title: string;
  text: string;
  indicators: Ind[];
}
interface PlanSeed {
  municipality: string;
  plan: svc.PlanInput;
  goals: GoalSeed[];
  round?: { title: string; asOf: string };
}

const FAXE: PlanSeed = {
  municipality: '320',
  plan: {
    title: 'Beskæftigelsesplan 2020-2021',
    slug: 'beskaeftigelsesplan-2020-2021',
    yearFrom: 2020,
    yearTo: 2021,
    intro:
      'Som beskrevet i Beskæftigelsesplanen vil administrationen fremlægge halvårlig status på målsætningerne i planen i perioden 2020-2021.',
    status: 'vedtaget',
    adoptedOn: null,
    focusAreas: [],
  },
  round: { title: 'Status april 2021', asOf: '2021-04-30' },
  goals: [
    {
      number: '1',
      kind: 'lokalt mål',
      title: 'Alle ledige skal have en værdig sagsbehandling (mål for 2021)',
      text: 'Borgernes oplevelse af mødet med Jobcenter Faxe skal bygge på værdier som værdighed, ordentlighed og professionalisme.',
      indicators: [
        {
          kind: 'milepæl',
          title:
            'Alle medarbejdere med borgerkontakt bliver certificeret i metoden MI (motiverende intervention).',
          config: { deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            text: 'Alle medarbejdere med borgerkontakt har gennemført undervisningsforløbet.',
            done: true,
          },
        },
        {
          kind: 'optælling',
          title:
            'Borgerundersøgelser i forhold til borgernes oplevelse af Jobcenter Faxe foretages 3 gange årligt.',
          config: { target: 6, unit: 'undersøgelser', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: `${FAXE_SOURCE}. Måltal 6 = 3 om året i 2020-2021.`,
          status: {
            value: 1,
            text: 'Der er indtil videre gennemført en tilfredshedsundersøgelse. 87 borgere deltog i undersøgelsen, og besvarelsesprocenten var 93,4 %. 96,7 % af deltagerne svarede 4 eller 5 til spørgsmålet om hvorvidt de følte sig hørt til samtalen, mens 79 % af deltagerne svarede 4 eller 5 til hvorvidt de var blevet motiveret til at prøve nye muligheder. 90,2 % af deltagerne var tilfredse eller meget tilfredse (4-5) med den plan, der blev lagt for det videre forløb.',
          },
        },
        {
          kind: 'milepæl',
          title:
            'Nedsættelse af borgerpanel inden udgangen af 2021 for at understøtte, at borgerinddragelse sker efter borgernes anbefaling.',
          config: { deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            done: false,
            text: 'Forarbejdet omkring opstart af borgerpanelet er igangsat. Hvis corona restriktionerne tillader det, afholdes der dialogmøder med borgere på a-dagpenge og sygedagpenge efter sommerferien. Kontanthjælpsmodtagere inviteres til individuelle samtaler efter aftale i jobcenteret efter sommerferien.',
          },
        },
      ],
    },
    {
      number: '2',
      kind: 'ministermål',
      title: 'Flere ledige skal opkvalificeres',
      text: 'Alle ufaglærte ledige skal orienteres om muligheden for opkvalificering i forhold til arbejdsmarkedets behov.',
      indicators: [
        {
          kind: 'andel',
          title: 'Andel personer, som har påbegyndt et opkvalificeringsforløb skal stige til 10 %.',
          config: {
            mode: 'manual',
            baselineValue: 1.8,
            baselineDate: '2020-11-30',
            targetValue: 10,
            direction: 'at-least',
            deadline: '2021-12-31',
          },
          sourceNote: `${FAXE_SOURCE}; ministerens mål, jobindsats.dk. Baseline november 2020: Faxe Kommune 1,8 %, Hele landet 2,1 %, RAR Sjælland 1,8 %.`,
          status: {
            value: 1.7,
            valuePeriod: '2021M01',
            text: 'Andel personer, som har påbegyndt et opkvalificeringsforløb (ministerens mål, jobindsats.dk) i nyeste måling fra januar 2021 er, Faxe Kommune: 1,7 % Hele landet: 2 %. Der er i foråret og tidlig sommer fokus på uddannelsesløft.',
          },
        },
        {
          kind: 'optælling',
          title:
            'Mindst 25 ufaglærte ledige skal inden udgangen af 2021 være overgået til uddannelse på 110 % a-dagpenge (fx Sosu-uddannelsen).',
          config: { target: 25, unit: 'borgere', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            value: 9,
            text: 'I første kvartal af 2021 er der igangsat 14 uddannelsesforløb for ufaglærte ledige. Pr. 28. april er 9 borgere i gang med uddannelse på 110 % a-dagpenge.',
          },
        },
      ],
    },
    {
      number: '3',
      kind: 'ministermål',
      title: 'Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft',
      text: 'Lokale virksomheder skal understøttes i at synliggøre job og rekruttering.',
      indicators: [
        {
          kind: 'andel',
          title:
            '80 % af de revalideringsplaner, der afsluttes til og med 2021, gennemføres som planlagt og afsluttes med en kompetencegivende uddannelse.',
          config: { mode: 'manual', targetValue: 80, direction: 'at-least', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            value: 57,
            valuePeriod: '2021M04',
            text: 'Siden 1. januar 2020 er der afsluttet 21 revalideringssager. Af disse er 12 gennemførte jf. "Min Plan", hvilket giver en gennemførselsprocent pr. april 2021 på 57 %.',
          },
        },
        {
          kind: 'optælling',
          title:
            '50 % af kommunens 900 virksomheder besøges med henblik på digital rekruttering i perioden 2020-2021 (450 besøg).',
          config: { target: 450, unit: 'virksomhedsbesøg', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            value: 239,
            text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg med det formål at informere om JobAG. Grundet Covid har hele den opsøgende kontakt været udfordret. Med en forventet åbning af samfundet i maj forventes målet med 450 besøg fortsat at kunne indfries.',
          },
        },
        {
          kind: 'andel',
          title: 'For ny-sygemeldte lønmodtagere skal 40 % af samtalerne afholdes på arbejdspladsen.',
          config: { mode: 'manual', targetValue: 40, direction: 'at-least', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            text: 'Grundet stor tilgang af sygedagpengesager og de begrænsninger covid-19 har haft for beskæftigelsesindsatsen, har det fortsat ikke været muligt at opretholde målsætningen om at placere samtalerne på arbejdspladsen.',
          },
        },
        {
          kind: 'optælling',
          title:
            'Etablering af voksenlærlingepladser for ledige borgere skal øges med 50 % inden udgangen af 2021 (baseline 2019: 10 ledige).',
          config: { target: 15, unit: 'ledige pr. år', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: `${FAXE_SOURCE}. Måltal 15 = 10 × 1,5.`,
          status: {
            value: 17,
            valuePeriod: '2020',
            text: 'I 2020 er der godkendt 33 voksenlærlingebevillinger heraf 17 ledige og 16 beskæftigede. I perioden 1.1.2021 til 14.4.2021 er der godkendt 14 voksenlærlingebevillinger heraf 6 ledige og 8 beskæftigede.',
          },
        },
      ],
    },
    {
      number: '4',
      kind: 'ministermål',
      title: 'Flere flygtninge og familiesammenførte skal være selvforsørgende',
      text: 'Fokus vil fortsat være på at understøtte flygtninge eller familiesammenførtes vej til selvforsørgelse.',
      indicators: [
        {
          kind: 'andel',
          title:
            'Andelen af beskæftigede flygtninge eller familiesammenførte til flygtninge skal stige til 50 % inden udgangen af 2021.',
          config: {
            mode: 'manual',
            baselineValue: 40,
            baselineDate: '2019-07-31',
            targetValue: 50,
            direction: 'at-least',
            deadline: '2021-12-31',
          },
          sourceNote: `${FAXE_SOURCE}; fuldtidspersoner, jobindsats.dk.`,
          status: {
            value: 49.7,
            valuePeriod: '2020M12',
            text: 'I seneste opgørelse fra december 2020 var andelen af beskæftigede flygtninge eller familiesammenførte til flygtninge i Faxe Kommune på 49,7 % (kilde: jobindsats.dk).',
          },
        },
        {
          kind: 'andel',
          title:
            'Andelen af beskæftigede kvindelige flygtninge eller familiesammenførte til flygtninge skal stige til 50 % inden udgangen af 2021.',
          config: {
            mode: 'manual',
            baselineValue: 27,
            baselineDate: '2019-07-31',
            targetValue: 50,
            direction: 'at-least',
            deadline: '2021-12-31',
          },
          sourceNote: `${FAXE_SOURCE}; fuldtidspersoner, jobindsats.dk.`,
          status: {
            value: 32.9,
            valuePeriod: '2020M12',
            text: 'I seneste opgørelse fra december 2020 var andelen af beskæftigede kvindelige flygtninge eller kvindelige familiesammenførte til flygtninge i Faxe Kommune på 32,9 % (kilde: jobindsats.dk).',
          },
        },
        {
          kind: 'optælling',
          title:
            'Der etableres mindst 20 fritidsjob for unge 15-18 årige, hvis forældre er under integrationskontrakt.',
          config: { target: 20, unit: 'fritidsjob', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            value: 14,
            text: 'Der er etableret 14 fritidsjob, og det forventes at flere unge vil komme i gang efter seneste genåbning af skolerne.',
          },
        },
        {
          kind: 'milepæl',
          title: 'Der afholdes årligt 1 informationsmøde om mulighederne for repatriering for borgere.',
          config: { deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            done: false,
            text: 'Der planlægges nyt møde, når det kan lade sig gøre ift. corona restriktioner.',
          },
        },
      ],
    },
    {
      number: '5',
      kind: 'ministermål',
      title: 'Flere personer med handicap skal i beskæftigelse',
      text: 'Virksomheder skal understøttes i at fastholde ansatte med handicap.',
      indicators: [
        {
          kind: 'milepæl',
          title:
            'I 2020 gennemføres en kampagne rettet mod virksomheder med ansatte med handicap med fokus på fastholdelse.',
          config: { deadline: '2020-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            done: true,
            text: 'Planlagt kampagne ifm. den internationale handicapuge (uge 49 2020) blev udfordret grundet nedlukning. I stedet gennemførtes en oplysningskampagne via kommunens 2 infoskærme ved indfaldsvejene.',
          },
        },
        {
          kind: 'andel',
          title:
            'Ved udgangen af 2020 må max 18 % af de borgere, der er visiteret til et fleksjob, være på ledighedsydelse.',
          config: {
            mode: 'manual',
            baselineValue: 23,
            baselineDate: '2018-07-31',
            targetValue: 18,
            direction: 'at-most',
            deadline: '2020-12-31',
          },
          sourceNote: `${FAXE_SOURCE}; fuldtidspersoner, Jobindsats.dk.`,
          status: {
            value: 15.3,
            valuePeriod: '2021M03',
            text: 'Resultatmålet blev indfriet, idet ledighedsprocenten for 2020 som helhed var 18 %. Tallet for december 2020 var 15,8 %. Den seneste opgørelse fra jobindsats fra marts 2021 viser, at 15,3 % af fleksjobvisiterede var på ledighedsydelse.',
          },
        },
        {
          kind: 'optælling',
          title:
            '3 borgere bliver i stand til at overgå fra førtidspension til beskæftigelse inden udgangen af 2021.',
          config: { target: 3, unit: 'borgere', startDate: '2020-01-01', deadline: '2021-12-31' },
          sourceNote: FAXE_SOURCE,
          status: {
            value: 3,
            text: 'Siden 1.1.2020 er 3 borgere overgået fra førtidspension til beskæftigelse (status november 2020).',
          },
        },
      ],
    },
  ],
};

const FREDERICIA: PlanSeed = {
  municipality: '607',
  plan: {
    title: 'Beskæftigelsesplan 2019',
    slug: 'beskaeftigelsesplan-2019',
    yearFrom: 2019,
    yearTo: 2019,
    intro:
      '"Et menneskeligt jobcenter der matcher tiden" er den politiske vision for udviklingen på beskæftigelsesområdet. En af de væsentlige prioriteringer for 2019 er, at Fredericia Kommunes andel af forsikrede ledige kommer under gennemsnittet for Region Sydjylland.',
    status: 'vedtaget',
    adoptedOn: null,
    focusAreas: [
      { title: 'Jobservice', text: 'Et menneskeligt jobcenter, som spiller borgerne gode.' },
      { title: 'Virksomhedsservice', text: 'Jobcentret som den foretrukne samarbejdspartner.' },
      { title: 'Helhed og sammenhæng', text: 'Tværgående og koordinerede indsatser på alle niveauer.' },
      { title: 'Økonomi og styring', text: 'Styringsmæssigt overblik.' },
      {
        title: 'Kultur og værdisæt i jobcentret',
        text: 'Understøtter, at alle indsatsområder føres ud i livet.',
      },
    ],
  },
  goals: [
    {
      number: '1',
      kind: 'ministermål',
      title:
        'Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse',
      text: 'Nedbringelse af det samlede antal borgere på offentlig forsørgelse, således at Fredericia forbedrer sin placering i forhold til landsgennemsnittet (Nr. 77 i 2017). Andelen af forsikrede ledige skal under lands- og regionsgennemsnittet. Etablering af 50 nye fleksjob.',
      indicators: [
        {
          kind: 'placering',
          title:
            'Placering blandt de 98 kommuner på andelen af befolkningen på offentlig forsørgelse (status 2017: nr. 77; mål: nr. 75, en reduktion på 82 fuldtidspersoner).',
          config: {
            measure: 'y30r21.faktisk_andel.i_alt',
            area: '607',
            direction: 'lower',
            baselineRank: 77,
            baselinePeriod: '2017',
            targetRank: 75,
            deadline: '2019-12-31',
          },
          sourceNote: `${FREDERICIA_SOURCE}. Seneste placering beregnes af Jobindsats Y30R21 (faktisk andel, Ydelsesgrupper i alt).`,
        },
        {
          kind: 'benchmark',
          title:
            'Forsikrede ledige skal være under landsgennemsnittet (status 2017: nr. 73 ud af 98; kræver en reduktion på 70 fuldtidsledige på a-dagpenge).',
          config: {
            measure: 'y25i01.ledige_pct_dagpenge',
            area: '607',
            compareWith: 'land',
            direction: 'lower',
            deadline: '2019-12-31',
          },
          sourceNote: `${FREDERICIA_SOURCE}. Seneste tal: Jobindsats y25i01, ledige på a-dagpenge i pct. af arbejdsstyrken.`,
        },
        {
          kind: 'benchmark',
          title:
            'Forsikrede ledige skal være under regionsgennemsnittet (status 2017: nr. 17 ud af 22 kommuner).',
          config: {
            measure: 'y25i01.ledige_pct_dagpenge',
            area: '607',
            compareWith: 'sammenligningsområde',
            direction: 'lower',
            deadline: '2019-12-31',
          },
          sourceNote: `${FREDERICIA_SOURCE}. Planen sammenligner med 22 kommuner, dvs. Region Syddanmark. Gennemsnittet er kommunernes gennemsnitlige andel (ikke vægtet).`,
        },
        {
          kind: 'optælling',
          title:
            '50 fleksjob i 2019 og frem, henholdsvis 25 i kommunalt og tilsvarende i privat regi (antal forløb påbegyndt 114; 50 + 114 = 164 forløb).',
          config: { target: 164, unit: 'fleksjobforløb', startDate: '2019-01-01', deadline: '2019-12-31' },
          sourceNote: FREDERICIA_SOURCE,
        },
      ],
    },
    {
      number: '2',
      kind: 'ministermål',
      title: 'Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft',
      text: 'Samarbejdsgraden med virksomhederne vedligeholdes på niveauet for 2017, og målsætningerne i trepartsaftalen opfyldes.',
      indicators: [
        {
          kind: 'andel',
          title: 'Samarbejdsgraden fastholdes på 44 % (2017: 43,7 %; landsgennemsnit 38 %).',
          config: {
            mode: 'manual',
            baselineValue: 43.7,
            baselineDate: '2017-12-31',
            targetValue: 44,
            direction: 'at-least',
            deadline: '2019-12-31',
          },
          sourceNote: FREDERICIA_SOURCE,
        },
      ],
    },
    {
      number: '3',
      kind: 'ministermål',
      title: 'Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende',
      text: 'Øge andelen af flygtninge og familiesammenførte der er selvforsørgende, så Fredericia forbedrer sin placering (Nr. 33 i 2017).',
      indicators: [
        {
          kind: 'placering',
          title:
            'Placering blandt de 98 kommuner (status 2017: nr. 33; målet kræver at 7 flygtninge eller familiesammenførte kommer i beskæftigelse, svarende til nr. 27).',
          config: {
            area: '607',
            direction: 'lower',
            baselineRank: 33,
            baselinePeriod: '2017',
            targetRank: 27,
            deadline: '2019-12-31',
          },
          sourceNote: `${FREDERICIA_SOURCE}. Placeringen indtastes ved hver status.`,
        },
      ],
    },
    {
      number: '4',
      kind: 'ministermål',
      title:
        'Flere jobparate personer på kontanthjælp skal i beskæftigelse og flere aktivitetsparate bliver jobparate eller kommer i beskæftigelse',
      text: 'Nedbringelse af antallet af borgere på kontanthjælp eller integrationsydelse, så Fredericia forbedrer sin placering (Nr. 91 i 2017).',
      indicators: [
        {
          kind: 'placering',
          title:
            'Placering på andelen af befolkningen 16-66 år på kontanthjælp (status 2017: nr. 91; målet kræver en reduktion på 92 fuldtidspersoner, svarende til nr. 88).',
          config: {
            measure: 'y60a02.pct_befolkningen',
            area: '607',
            direction: 'lower',
            baselineRank: 91,
            baselinePeriod: '2017',
            targetRank: 88,
            deadline: '2019-12-31',
          },
          sourceNote: `${FREDERICIA_SOURCE}. Seneste placering: Jobindsats y60a02, fuldtidspersoner i pct. af befolkningen 16-66 år.`,
        },
      ],
    },
    {
      number: '5',
      kind: 'ministermål',
      title: 'Bekæmpelsen af socialt bedrageri og fejludbetalinger skal styrkes',
      text: 'Fastholdelse af stort fokus på bekæmpelse af socialt bedrageri og fejludbetaling.',
      indicators: [
        {
          kind: 'milepæl',
          title: 'Tættere samarbejde mellem arbejdsmarkedsafdelingen og kontrolenheden.',
          config: { deadline: '2019-12-31' },
          sourceNote: FREDERICIA_SOURCE,
        },
      ],
    },
    {
      number: '6',
      kind: 'ministermål',
      title: 'Udsatte ledige skal have en indsats',
      text: 'Fokus på at etablere én indgang og én plan for udsatte borgere.',
      indicators: [
        {
          kind: 'milepæl',
          title: 'Etablering af en ny organisering, der går hånd i hånd med den politiske udvalgsstruktur.',
          config: { deadline: '2019-12-31' },
          sourceNote: FREDERICIA_SOURCE,
        },
      ],
    },
    {
      number: '7',
      kind: 'ministermål',
      title: 'Flere personer med handicap skal i beskæftigelse',
      text: 'Øget fokus på at få handicappede i beskæftigelse.',
      indicators: [
        {
          kind: 'milepæl',
          title: 'Undervisning af medarbejdere om forskellige handicap.',
          config: { deadline: '2019-12-31' },
          sourceNote: FREDERICIA_SOURCE,
        },
      ],
    },
  ],
};

const ltk = (
  number: string,
  title: string,
  baselinePeriod: string,
  target: Record<string, number>,
  direction: 'at-most' | 'at-least',
  justification: string,
  note = '',
): GoalSeed => ({
  number,
  kind: 'lokalt mål',
  title,
  text: note,
  indicators: [
    {
      kind: 'niveau',
      title,
      config: {
        area: '173',
        baselinePeriod,
        target: { kind: 'absolute', pctDecimals: 0, ...target },
        direction,
        deadline: '2015-12-31',
        justification,
      },
      sourceNote: `${LTK_SOURCE}. Tallet indtastes ved hver status.`,
    },
  ],
});

const LYNGBY: PlanSeed = {
  municipality: '173',
  plan: {
    title: 'Beskæftigelsesplan 2015',
    slug: 'beskaeftigelsesplan-2015',
    yearFrom: 2015,
    yearTo: 2015,
    intro:
      'Resultatniveauer for de 9 mål i Beskæftigelsesplan 2015, fastlagt primo 2015. Erhvervs- og Beskæftigelsesudvalget anbefalede den 24. februar 2015 niveauerne og ønsker kvartalsvis opfølgning på beskæftigelsesplanen.',
    status: 'vedtaget',
    adoptedOn: '2014-09-25',
    focusAreas: [],
  },
  goals: [
    ltk(
      '1',
      'Antallet af unge under 30 år på offentlig forsørgelse skal begrænses til 428 personer i december 2015 svarende til et fald på 20 pct. (107 personer) fra december 2013.',
      '2013M12',
      { value: 428, pct: -20, persons: -107 },
      'at-most',
      'Status oktober 2014 viser et fald på 15 pct.',
    ),
    ltk(
      '2',
      'Antallet af borgere på offentlig forsørgelse i mere end 12 måneder skal begrænses til 463 personer i 2015 svarende til et fald på 5 pct. (29 personer) fra januar 2014.',
      '2014M01',
      { value: 463, pct: -5, persons: -29 },
      'at-most',
      'Status september 2014 viser et fald på 5 pct.',
    ),
    {
      number: '2a',
      kind: 'lokalt mål',
      title:
        'Antallet af borgere, som modtager ressourceforløbsydelse, opgøres hvert kvartal for at følge udviklingen tæt.',
      text: 'I november 2014 var der 47 fuldtidspersoner på ydelsen.',
      indicators: [
        {
          kind: 'milepæl',
          title: 'Kvartalsvis opgørelse af antallet på ressourceforløbsydelse.',
          config: { deadline: '2015-12-31' },
          sourceNote: LTK_SOURCE,
        },
      ],
    },
    ltk(
      '3',
      'Tilgangen af personer til førtidspension skal begrænses til 43 personer i december 2015, svarende til en stigning på 2 pct. (1 person) fra december 2013.',
      '2013M12',
      { value: 43, pct: 2, persons: 1 },
      'at-most',
      'Status december 2014 viser et fald på 21 pct.',
    ),
    ltk(
      '4',
      'Antallet af personer på ledighedsydelse skal begrænses til 68 personer i december 2015 svarende til et fald på 25 pct. (23 personer) fra december 2013.',
      '2013M12',
      { value: 68, pct: -25, persons: -23 },
      'at-most',
      'Status november 2014 viser et fald på 26 pct.',
    ),
    ltk(
      '5',
      'Antallet af langtidsledige skal begrænses til 102 personer i december 2015 svarende til et fald på 30 pct. (44 personer) fra december 2013.',
      '2013M12',
      { value: 102, pct: -30, persons: -44 },
      'at-most',
      'Status oktober 2014 viser et fald på 20 pct.',
    ),
    ltk(
      '6',
      'Antallet af kontanthjælpsmodtagere og uddannelseshjælpsmodtagere skal være maksimalt 683 personer i december 2015, svarende til et fald på 16 pct. (130 personer) fra december 2013.',
      '2013M12',
      { value: 683, pct: -16, persons: -130 },
      'at-most',
      'Status oktober 2014 viser et fald på 10 pct.',
    ),
    ltk(
      '7',
      'Antallet af ledige akademikere skal være maksimalt 209 personer i december 2015 svarende til et fald på 11 pct. (34 personer) fra december 2013.',
      '2013M12',
      { value: 209, pct: -11, persons: -34 },
      'at-most',
      'Status viser et fald på 3 pct. fra 2013 til 2014.',
    ),
    {
      number: '8',
      kind: 'lokalt mål',
      title:
        'Samarbejdsgraden (andelen af virksomhedskontakter i kommunen) skal i december 2015 være på X pct.',
      text: 'Resultatniveauet fastlægges ved første status, når STAR igen leverer data.',
      indicators: [
        {
          kind: 'andel',
          title: 'Samarbejdsgraden med virksomheder (resultatniveau ikke fastlagt).',
          config: { mode: 'manual', direction: 'at-least', deadline: '2015-12-31' },
          sourceNote: LTK_SOURCE,
        },
      ],
    },
    {
      number: '9',
      kind: 'ministermål',
      title:
        'Andelen af borgere i virksomhedsrettet aktivering ud af det samlede antal ledige i aktivering skal minimum være 65 pct. i december 2015.',
      text: 'Status viser, at 60 pct. af de LTK borgere, som var i tilbud i oktober 2014, var i virksomhedsrettet tilbud.',
      indicators: [
        {
          kind: 'andel',
          title: 'Andel i virksomhedsrettet aktivering.',
          config: {
            mode: 'manual',
            baselineValue: 60,
            baselineDate: '2014-10-31',
            targetValue: 65,
            direction: 'at-least',
            deadline: '2015-12-31',
          },
          sourceNote: LTK_SOURCE,
        },
      ],
    },
  ],
};

export const DEMO_PLANS = [FAXE, FREDERICIA, LYNGBY];

/** Enters the seed plans that are not there yet (by municipality and slug), as the first administrator. */
export async function loadDemoPlans(db: Kysely<DB>, log: (m: string) => void = () => {}): Promise<number> {
  await ensureFirstAdmin(db, undefined, log);
  const admin = await accounts.findUserByEmail(db, 'admin');
  const id = admin?.id ?? (await firstUserId(db))!;
  // The demo is entered as a system administrator (audited under the first user).
  const actor: Actor = {
    user: {
      id,
      email: admin?.email ?? 'demo',
      name: 'Demo',
      passwordHash: null,
      isSuperadmin: true,
      memberships: [],
    },
  };
  let created = 0;
  for (const seed of DEMO_PLANS) {
    if (await findPlanBySlug(db, seed.municipality, seed.plan.slug!)) continue;
    const plan = await svc.createPlan(db, actor, seed.municipality, seed.plan);
    const planId = String(plan.id);
    const statuses: { indicatorId: string; status: StatusSeed }[] = [];
    for (const [gi, g] of seed.goals.entries()) {
      const goal = await svc.addGoal(db, actor, planId, {
        number: g.number,
        kind: g.kind,
        title: g.title,
        text: g.text,
        position: gi + 1,
      });
      for (const [ii, ind] of g.indicators.entries()) {
        const created = await svc.addIndicator(db, actor, String(goal.id), {
          kind: ind.kind,
          title: ind.title,
          config: ind.config,
          sourceNote: ind.sourceNote,
          position: ii + 1,
        });
        if (ind.status) statuses.push({ indicatorId: String(created.id), status: ind.status });
      }
    }
    if (seed.round) {
      const round = await svc.createRound(db, actor, planId, seed.round);
      for (const s of statuses) {
        await svc.saveEntry(db, actor, String(round.id), s.indicatorId, {
          text: s.status.text,
          value: s.status.value ?? null,
          valuePeriod: s.status.valuePeriod ?? null,
          valueSource: s.status.value !== undefined ? `Indtastet fra ${FAXE_SOURCE}` : null,
          done: s.status.done ?? null,
          assessmentOverride: null,
          overrideReason: null,
          revision: null,
        });
      }
      await svc.publishRound(db, actor, String(round.id));
    }
    log(`  Demoplan: ${seed.plan.title} (${seed.municipality})`);
    created++;
  }
  return created;
}

async function firstUserId(db: Kysely<DB>): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirst();
  return r ? String(r.id) : undefined;
}

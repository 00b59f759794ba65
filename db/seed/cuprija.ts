import type { Position } from "geojson";
import type { LocalizedText } from "../../lib/i18n/config";
import type { CategoryQuestion } from "../../lib/reports/questions";
import { sr } from "./localized";

/**
 * The demo municipality, Ćuprija (Pomoravlje district). The outline, the district anchors and
 * the service areas are approximate, drawn for demonstration: they are not official boundaries.
 */
export const municipality = {
  code: "cuprija",
  name: sr("Ćuprija", "Ćuprija"),
  boundarySource: "Approximate outline drawn for the demo; not an official boundary.",
  centre: [21.37, 43.928] as Position,
  // Outer ring, [lng, lat], closed.
  boundary: [
    [21.25, 43.95],
    [21.262, 43.99],
    [21.3, 44.012],
    [21.35, 44.016],
    [21.39, 43.996],
    [21.43, 43.986],
    [21.47, 43.972],
    [21.51, 43.945],
    [21.505, 43.905],
    [21.47, 43.875],
    [21.43, 43.856],
    [21.38, 43.85],
    [21.33, 43.855],
    [21.28, 43.866],
    [21.255, 43.9],
    [21.25, 43.95],
  ] as Position[],
};

export type DistrictSeed = {
  code: string;
  name: LocalizedText;
  anchor: [number, number];
  population: number | null;
  urban: boolean;
};

/** Local communities: four in town, the villages around it. Each becomes the Voronoi cell of its anchor. */
export const districtSeeds: DistrictSeed[] = [
  {
    code: "centar",
    name: sr("Ćuprija – Centar", "Ćuprija – Centre"),
    anchor: [21.37, 43.928],
    population: 6100,
    urban: true,
  },
  {
    code: "sever",
    name: sr("Ćuprija – Sever", "Ćuprija – North"),
    anchor: [21.372, 43.942],
    population: 4300,
    urban: true,
  },
  {
    code: "jug",
    name: sr("Ćuprija – Jug", "Ćuprija – South"),
    anchor: [21.368, 43.914],
    population: 3900,
    urban: true,
  },
  {
    code: "ada",
    name: sr("Ćuprija – Ada", "Ćuprija – Ada"),
    anchor: [21.39, 43.93],
    population: 2700,
    urban: true,
  },
  {
    code: "mijatovac",
    name: sr("Mijatovac", "Mijatovac"),
    anchor: [21.335, 43.965],
    population: 1400,
    urban: false,
  },
  { code: "krusar", name: sr("Krušar", "Krušar"), anchor: [21.355, 43.995], population: 900, urban: false },
  {
    code: "ostrikovac",
    name: sr("Ostrikovac", "Ostrikovac"),
    anchor: [21.295, 43.99],
    population: 500,
    urban: false,
  },
  { code: "batinac", name: sr("Batinac", "Batinac"), anchor: [21.275, 43.95], population: 700, urban: false },
  { code: "dvorica", name: sr("Dvorica", "Dvorica"), anchor: [21.31, 43.925], population: 450, urban: false },
  { code: "supska", name: sr("Supska", "Supska"), anchor: [21.33, 43.9], population: 1100, urban: false },
  { code: "paljane", name: sr("Paljane", "Paljane"), anchor: [21.29, 43.878], population: 350, urban: false },
  { code: "vlaska", name: sr("Vlaška", "Vlaška"), anchor: [21.35, 43.868], population: 400, urban: false },
  { code: "jovac", name: sr("Jovac", "Jovac"), anchor: [21.385, 43.885], population: 1200, urban: false },
  {
    code: "kovanica",
    name: sr("Kovanica", "Kovanica"),
    anchor: [21.43, 43.872],
    population: 300,
    urban: false,
  },
  {
    code: "bigrenica",
    name: sr("Bigrenica", "Bigrenica"),
    anchor: [21.445, 43.9],
    population: 600,
    urban: false,
  },
  { code: "senje", name: sr("Senje", "Senje"), anchor: [21.48, 43.93], population: 800, urban: false },
  { code: "isakovo", name: sr("Isakovo", "Isakovo"), anchor: [21.45, 43.958], population: 650, urban: false },
  {
    code: "ivankovac",
    name: sr("Ivankovac", "Ivankovac"),
    anchor: [21.405, 43.962],
    population: 1300,
    urban: false,
  },
];

export type OrganisationSeed = {
  code: string;
  kind: "contact_centre" | "department" | "inspectorate" | "utility_company";
  sector: string | null;
  name: LocalizedText;
  email: string;
  phone: string;
  /** District codes whose union is the service area; null = the whole municipality. */
  serviceDistricts: string[] | null;
};

const townWithNearVillages = ["centar", "sever", "jug", "ada", "mijatovac", "ivankovac", "jovac", "supska"];
const town = ["centar", "sever", "jug", "ada"];

export const organisationSeeds: OrganisationSeed[] = [
  {
    code: "contact-centre",
    kind: "contact_centre",
    sector: null,
    name: sr("Kontakt centar opštine Ćuprija", "Ćuprija Municipal Contact Centre"),
    email: "kontakt@cuprija.example",
    phone: "+381 35 000 100",
    serviceDistricts: null,
  },
  {
    code: "urbanism",
    kind: "department",
    sector: "urbanism",
    name: sr("Odeljenje za urbanizam i građevinske poslove", "Urban Planning and Building Department"),
    email: "urbanizam@cuprija.example",
    phone: "+381 35 000 110",
    serviceDistricts: null,
  },
  {
    code: "roads-department",
    kind: "department",
    sector: "roads",
    name: sr("Odeljenje za komunalne delatnosti i puteve", "Communal Services and Roads Department"),
    email: "putevi@cuprija.example",
    phone: "+381 35 000 120",
    serviceDistricts: null,
  },
  {
    code: "inspect-communal",
    kind: "inspectorate",
    sector: "communal",
    name: sr("Komunalna inspekcija", "Communal Inspectorate"),
    email: "komunalna@cuprija.example",
    phone: "+381 35 000 130",
    serviceDistricts: null,
  },
  {
    code: "inspect-traffic",
    kind: "inspectorate",
    sector: "traffic",
    name: sr("Saobraćajna inspekcija", "Traffic Inspectorate"),
    email: "saobracajna@cuprija.example",
    phone: "+381 35 000 140",
    serviceDistricts: null,
  },
  {
    code: "inspect-environment",
    kind: "inspectorate",
    sector: "environment",
    name: sr("Inspekcija za zaštitu životne sredine", "Environmental Inspectorate"),
    email: "ekologija@cuprija.example",
    phone: "+381 35 000 150",
    serviceDistricts: null,
  },
  {
    code: "water",
    kind: "utility_company",
    sector: "water",
    name: sr("JKP Vodovod i kanalizacija", "Water and Sewage Utility"),
    email: "vodovod@cuprija.example",
    phone: "+381 35 000 200",
    serviceDistricts: townWithNearVillages,
  },
  {
    code: "waste",
    kind: "utility_company",
    sector: "waste",
    name: sr("JKP Čistoća i zelenilo", "Waste, Cleaning and Greenery Utility"),
    email: "cistoca@cuprija.example",
    phone: "+381 35 000 210",
    serviceDistricts: null,
  },
  {
    code: "lighting",
    kind: "utility_company",
    sector: "lighting",
    name: sr("Javna rasveta", "Public Lighting Utility"),
    email: "rasveta@cuprija.example",
    phone: "+381 35 000 220",
    serviceDistricts: null,
  },
  {
    code: "roads-rural",
    kind: "utility_company",
    sector: "roads",
    name: sr("Održavanje puteva – seoska područja", "Road Maintenance – Rural Areas"),
    email: "putevi-sela@cuprija.example",
    phone: "+381 35 000 231",
    serviceDistricts: districtSeeds.filter((d) => !d.urban).map((d) => d.code),
  },
  {
    code: "roads-town",
    kind: "utility_company",
    sector: "roads",
    name: sr("Održavanje puteva – grad", "Road Maintenance – Town"),
    email: "putevi-grad@cuprija.example",
    phone: "+381 35 000 230",
    serviceDistricts: town,
  },
];

export const groupSeeds: Array<{ code: string; name: LocalizedText }> = [
  { code: "roads", name: sr("Putevi i trotoari", "Roads and pavements") },
  { code: "traffic", name: sr("Saobraćaj", "Traffic") },
  { code: "water", name: sr("Voda i kanalizacija", "Water and sewage") },
  { code: "waste", name: sr("Otpad i čistoća", "Waste and cleanliness") },
  { code: "lighting", name: sr("Javna rasveta", "Street lighting") },
  { code: "greenery", name: sr("Zelenilo i javne površine", "Greenery and public spaces") },
  { code: "environment", name: sr("Životna sredina", "Environment") },
  { code: "construction", name: sr("Gradnja i raskopavanje", "Construction and digging") },
  { code: "animals", name: sr("Životinje", "Animals") },
];

export type CategorySeed = {
  code: string;
  group: string;
  name: LocalizedText;
  description: LocalizedText;
  kind: OrganisationSeed["kind"];
  sector: string;
  slaWorkingDays: number;
  duplicateRadiusMetres: number;
  pauseSlaWhenScheduled?: boolean;
  isPublic?: boolean;
  questions?: CategoryQuestion[];
  /** Open data publishes these reports on a grid of this many metres (they point at homes). */
  locationPrecisionMetres?: number;
  /** The staff view checks whether an active permit covers the point (works without a permit). */
  checksPermitCoverage?: boolean;
  /** A report no active permit covers is raised to this priority (works categories). */
  unpermittedPriority?: "high" | "urgent";
  /** Relative frequency in the demo reports. */
  weight: number;
};

export const categorySeeds: CategorySeed[] = [
  {
    code: "pothole",
    group: "roads",
    name: sr("Udarna rupa na putu", "Pothole"),
    description: sr("Rupa ili ulegnuće na kolovozu.", "A hole or depression in the road surface."),
    kind: "utility_company",
    sector: "roads",
    slaWorkingDays: 10,
    duplicateRadiusMetres: 30,
    pauseSlaWhenScheduled: true,
    weight: 14,
  },
  {
    code: "damaged_pavement",
    group: "roads",
    name: sr("Oštećen trotoar", "Damaged pavement"),
    description: sr(
      "Polomljene ploče, izdignut ili propao trotoar.",
      "Broken slabs, raised or sunken pavement.",
    ),
    kind: "utility_company",
    sector: "roads",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 30,
    pauseSlaWhenScheduled: true,
    weight: 5,
  },
  {
    code: "damaged_traffic_sign",
    group: "traffic",
    name: sr("Oštećen saobraćajni znak", "Damaged traffic sign"),
    description: sr(
      "Oboren, okrenut, nečitak ili nedostaje znak.",
      "A sign that is down, turned, unreadable or missing.",
    ),
    kind: "utility_company",
    sector: "roads",
    slaWorkingDays: 5,
    duplicateRadiusMetres: 30,
    weight: 4,
  },
  {
    code: "traffic_light_fault",
    group: "traffic",
    name: sr("Neispravan semafor", "Traffic light fault"),
    description: sr("Semafor ne radi ili radi pogrešno.", "A traffic light that is off or faulty."),
    kind: "utility_company",
    sector: "lighting",
    slaWorkingDays: 2,
    duplicateRadiusMetres: 30,
    weight: 2,
  },
  {
    code: "abandoned_vehicle",
    group: "traffic",
    name: sr("Napušteno vozilo", "Abandoned vehicle"),
    description: sr(
      "Vozilo bez tablica ili dugo ostavljeno na javnoj površini.",
      "A vehicle without plates or left on public land for a long time.",
    ),
    kind: "inspectorate",
    sector: "traffic",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 30,
    weight: 3,
    questions: [
      {
        code: "plate",
        type: "string",
        required: false,
        label: sr("Registarske oznake (ako ih ima)", "Number plate (if any)"),
      },
      {
        code: "since",
        type: "datetime",
        required: false,
        label: sr("Od kada je vozilo tu?", "Since when has it been there?"),
      },
    ],
  },
  {
    code: "illegal_parking",
    group: "traffic",
    name: sr("Nepropisno parkiranje", "Illegal parking"),
    description: sr(
      "Vozilo na trotoaru, zelenoj površini ili mestu za osobe sa invaliditetom.",
      "A vehicle on the pavement, on grass or in a disabled bay.",
    ),
    kind: "inspectorate",
    sector: "traffic",
    slaWorkingDays: 3,
    duplicateRadiusMetres: 30,
    weight: 4,
  },
  {
    code: "missing_manhole_cover",
    group: "water",
    name: sr("Otvoren šaht ili nedostaje poklopac", "Missing manhole cover"),
    description: sr(
      "Otvoren ili polomljen poklopac šahta – opasno za prolaznike.",
      "An open or broken manhole cover – dangerous for passers-by.",
    ),
    kind: "utility_company",
    sector: "water",
    slaWorkingDays: 1,
    duplicateRadiusMetres: 30,
    weight: 2,
    questions: [
      {
        code: "someone_hurt",
        type: "single_choice",
        required: true,
        label: sr(
          "Da li je neko povređen ili je u neposrednoj opasnosti?",
          "Is anyone hurt or in immediate danger?",
        ),
        options: [
          {
            value: "yes",
            label: sr("Da", "Yes"),
            stop: sr(
              "Odmah pozovite Hitnu pomoć na 194 ili 112. Ova prijava nije za hitne slučajeve.",
              "Call an ambulance now on 194 or 112. This form is not for emergencies.",
            ),
          },
          { value: "no", label: sr("Ne", "No") },
        ],
      },
    ],
  },
  {
    code: "water_leak",
    group: "water",
    name: sr("Curenje vode", "Water leak"),
    description: sr(
      "Voda izbija iz zemlje, hidranta ili cevi.",
      "Water coming out of the ground, a hydrant or a pipe.",
    ),
    kind: "utility_company",
    sector: "water",
    slaWorkingDays: 2,
    duplicateRadiusMetres: 50,
    weight: 7,
    questions: [
      {
        code: "gas_smell",
        type: "single_choice",
        required: true,
        label: sr("Da li se oseća miris gasa?", "Can you smell gas?"),
        options: [
          {
            value: "yes",
            label: sr("Da", "Yes"),
            stop: sr(
              "Opasno! Udaljite se od mesta i odmah pozovite 112 ili dežurnu službu distribucije gasa.",
              "Danger! Move away and call 112 or the gas emergency service now.",
            ),
          },
          { value: "no", label: sr("Ne", "No") },
        ],
      },
      {
        code: "flow",
        type: "single_choice",
        required: false,
        label: sr("Koliko vode ističe?", "How much water is escaping?"),
        options: [
          { value: "drip", label: sr("Kaplje", "Dripping") },
          { value: "stream", label: sr("Teče mlaz", "A steady stream") },
          { value: "flood", label: sr("Plavi ulicu ili objekat", "Flooding a street or building") },
        ],
      },
    ],
  },
  {
    code: "sewer_overflow",
    group: "water",
    name: sr("Izlivanje kanalizacije", "Sewer overflow"),
    description: sr(
      "Kanalizacija se izliva na ulicu ili u dvorište.",
      "Sewage overflowing into the street or a yard.",
    ),
    kind: "utility_company",
    sector: "water",
    slaWorkingDays: 2,
    duplicateRadiusMetres: 50,
    weight: 4,
  },
  {
    code: "no_water",
    group: "water",
    name: sr("Nema vode", "No water supply"),
    description: sr(
      "Prekid snabdevanja vodom u ulici ili naselju.",
      "Water supply cut in a street or neighbourhood.",
    ),
    kind: "utility_company",
    sector: "water",
    slaWorkingDays: 1,
    duplicateRadiusMetres: 200,
    weight: 2,
  },
  {
    code: "illegal_dumping",
    group: "waste",
    name: sr("Divlja deponija", "Illegal dumping"),
    description: sr(
      "Otpad ostavljen van kontejnera, na livadi, uz reku ili put.",
      "Rubbish dumped outside containers, in a field, by a river or road.",
    ),
    kind: "inspectorate",
    sector: "communal",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 75,
    weight: 10,
  },
  {
    code: "overflowing_container",
    group: "waste",
    name: sr("Prepun kontejner", "Overflowing container"),
    description: sr(
      "Kontejner je pun ili oštećen, otpad je oko njega.",
      "A container is full or broken, with rubbish around it.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 3,
    duplicateRadiusMetres: 30,
    weight: 8,
  },
  {
    code: "missed_collection",
    group: "waste",
    name: sr("Neodnesen otpad", "Missed waste collection"),
    description: sr("Otpad nije odnesen po rasporedu.", "Rubbish was not collected on the scheduled day."),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 3,
    duplicateRadiusMetres: 50,
    weight: 3,
  },
  {
    code: "broken_street_light",
    group: "lighting",
    name: sr("Ne radi ulična rasveta", "Broken street light"),
    description: sr(
      "Svetiljka ne radi, treperi ili gori danju.",
      "A lamp that is out, flickers or is on during the day.",
    ),
    kind: "utility_company",
    sector: "lighting",
    slaWorkingDays: 7,
    duplicateRadiusMetres: 40,
    pauseSlaWhenScheduled: true,
    weight: 10,
  },
  {
    code: "fallen_tree",
    group: "greenery",
    name: sr("Palo ili opasno drvo", "Fallen or dangerous tree"),
    description: sr(
      "Drvo ili grana je pala ili preti da padne.",
      "A tree or branch has fallen or is about to.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 2,
    duplicateRadiusMetres: 50,
    weight: 3,
    questions: [
      {
        code: "blocking",
        type: "multiple_choice",
        required: false,
        label: sr("Šta drvo zaklanja?", "What is the tree blocking?"),
        options: [
          { value: "road", label: sr("Kolovoz", "The road") },
          { value: "pavement", label: sr("Trotoar", "The pavement") },
          {
            value: "power_line",
            label: sr("Leži na električnim vodovima", "It is on power lines"),
            stop: sr(
              "Ne prilazite! Odmah pozovite 112 i dežurnu službu elektrodistribucije.",
              "Keep away! Call 112 and the electricity emergency service now.",
            ),
          },
        ],
      },
    ],
  },
  {
    code: "overgrown_vegetation",
    group: "greenery",
    name: sr("Neodržano zelenilo", "Overgrown vegetation"),
    description: sr(
      "Visoka trava, korov ili rastinje zaklanja put ili znak.",
      "Tall grass, weeds or bushes blocking a path or a sign.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 50,
    pauseSlaWhenScheduled: true,
    weight: 4,
  },
  {
    code: "damaged_playground",
    group: "greenery",
    name: sr("Oštećena klupa ili igralište", "Damaged bench or playground"),
    description: sr(
      "Polomljen mobilijar, ljuljaška ili ograda na javnoj površini.",
      "Broken street furniture, swing or fence in a public space.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 10,
    duplicateRadiusMetres: 30,
    weight: 2,
  },
  {
    code: "graffiti",
    group: "greenery",
    name: sr("Grafiti i oštećenje javnih objekata", "Graffiti and vandalism"),
    description: sr(
      "Grafiti ili oštećenje javnog objekta.",
      "Graffiti or damage to a public building or object.",
    ),
    kind: "inspectorate",
    sector: "communal",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 30,
    weight: 2,
  },
  {
    code: "noise",
    group: "environment",
    name: sr("Buka", "Noise"),
    description: sr(
      "Prekomerna buka iz objekta, sa gradilišta ili ugostiteljskog objekta.",
      "Excessive noise from premises, a building site or a venue.",
    ),
    kind: "inspectorate",
    sector: "environment",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 100,
    isPublic: false,
    weight: 3,
    questions: [
      {
        code: "nights",
        type: "number",
        required: false,
        label: sr("Koliko noći u poslednjih mesec dana?", "On how many nights in the last month?"),
      },
      {
        code: "source",
        type: "text",
        required: false,
        label: sr("Odakle dolazi buka?", "Where does the noise come from?"),
      },
    ],
  },
  {
    code: "air_pollution",
    group: "environment",
    name: sr("Zagađenje vazduha", "Air pollution"),
    description: sr("Dim, paljenje otpada, neprijatni mirisi.", "Smoke, burning rubbish, bad smells."),
    kind: "inspectorate",
    sector: "environment",
    slaWorkingDays: 15,
    duplicateRadiusMetres: 200,
    weight: 2,
  },
  {
    code: "water_pollution",
    group: "environment",
    name: sr("Zagađenje reke ili potoka", "River or stream pollution"),
    description: sr(
      "Otpadne vode, ulje ili uginule ribe u Moravi ili potoku.",
      "Waste water, oil or dead fish in the Morava or a stream.",
    ),
    kind: "inspectorate",
    sector: "environment",
    slaWorkingDays: 10,
    duplicateRadiusMetres: 200,
    weight: 1,
  },
  {
    code: "illegal_construction",
    group: "construction",
    name: sr("Bespravna gradnja", "Illegal construction"),
    description: sr("Gradnja bez vidljive table i dozvole.", "Building work without a visible permit board."),
    kind: "department",
    sector: "urbanism",
    slaWorkingDays: 30,
    duplicateRadiusMetres: 30,
    locationPrecisionMetres: 250,
    checksPermitCoverage: true,
    unpermittedPriority: "high",
    weight: 2,
  },
  {
    code: "unpermitted_digging",
    group: "construction",
    name: sr("Raskopavanje bez dozvole", "Unpermitted digging"),
    description: sr(
      "Raskopan put ili trotoar bez oznaka i dozvole.",
      "A road or pavement dug up without signs or a permit.",
    ),
    kind: "inspectorate",
    sector: "communal",
    slaWorkingDays: 5,
    duplicateRadiusMetres: 50,
    checksPermitCoverage: true,
    unpermittedPriority: "high",
    weight: 2,
  },
  {
    code: "stray_animals",
    group: "animals",
    name: sr("Napuštene životinje", "Stray animals"),
    description: sr(
      "Napušteni psi ili druge životinje na javnoj površini.",
      "Stray dogs or other animals in a public place.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 5,
    duplicateRadiusMetres: 100,
    weight: 3,
  },
  {
    code: "dead_animal",
    group: "animals",
    name: sr("Uginula životinja", "Dead animal"),
    description: sr(
      "Uginula životinja na putu ili javnoj površini.",
      "A dead animal on a road or in a public place.",
    ),
    kind: "utility_company",
    sector: "waste",
    slaWorkingDays: 1,
    duplicateRadiusMetres: 50,
    weight: 2,
  },
];

export type UserSeed = {
  email: string;
  name: string;
  role: string;
  organisation: string | null;
  password: string;
  isLead?: boolean;
};

/** One demo user per role. The passwords are for a local demo only (listed in the README). */
export const userSeeds: UserSeed[] = [
  {
    email: "admin@cuprija.example",
    name: "Milica Admin",
    role: "admin",
    organisation: null,
    password: "demo-admin",
  },
  {
    email: "agent@cuprija.example",
    name: "Jelena Agent",
    role: "agent",
    organisation: "contact-centre",
    password: "demo-agent",
  },
  {
    email: "inspector@cuprija.example",
    name: "Dragan Inspektor",
    role: "inspector",
    organisation: "inspect-communal",
    password: "demo-inspector",
  },
  {
    email: "operator@cuprija.example",
    name: "Nikola Operater",
    role: "utility_operator",
    organisation: "water",
    password: "demo-operator",
  },
  {
    email: "orgadmin@cuprija.example",
    name: "Vesna Rukovodilac",
    role: "org_admin",
    organisation: "water",
    password: "demo-orgadmin",
    isLead: true,
  },
  {
    email: "permits@cuprija.example",
    name: "Marko Dozvole",
    role: "permit_officer",
    organisation: "urbanism",
    password: "demo-permits",
  },
  {
    email: "planner@cuprija.example",
    name: "Ana Planer",
    role: "planner",
    organisation: null,
    password: "demo-planner",
  },
  {
    email: "citizen@cuprija.example",
    name: "Petar Građanin",
    role: "citizen",
    organisation: null,
    password: "demo-citizen",
  },
];

/** Street names for demo addresses (names common in Serbian towns; placement is synthetic). */
export const streetNames = [
  "Karađorđeva",
  "Kneza Miloša",
  "Vojvode Mišića",
  "Nikole Tesle",
  "Cara Lazara",
  "Svetog Save",
  "Maksima Gorkog",
  "Đure Jakšića",
  "Miloša Obilića",
  "Kralja Petra I",
  "Dimitrija Tucovića",
  "Vuka Karadžića",
  "Moravska",
  "Ravanička",
  "Jovana Cvijića",
  "Hajduk Veljkova",
  "Bulevar Ćuprijskih Heroja",
  "Mihajla Pupina",
  "Partizanska",
  "Kosovska",
];

export const personFirstNames = [
  "Milan",
  "Jovana",
  "Stefan",
  "Marija",
  "Nemanja",
  "Ivana",
  "Dušan",
  "Tamara",
  "Vladimir",
  "Snežana",
  "Zoran",
  "Gordana",
  "Miloš",
  "Dragana",
  "Aleksandar",
  "Biljana",
];
export const personLastNames = [
  "Petrović",
  "Jovanović",
  "Nikolić",
  "Marković",
  "Đorđević",
  "Stojanović",
  "Ilić",
  "Stanković",
  "Pavlović",
  "Milošević",
  "Todorović",
  "Živković",
];

export const companyNames = [
  "Gradnja Morava d.o.o.",
  "Pomoravlje Putevi a.d.",
  "Elektro Ravanica d.o.o.",
  "Telekom Mreže d.o.o.",
  "Hidro Servis Ćuprija d.o.o.",
  "Građevinar Plus d.o.o.",
  "Kafe Most",
  "Turistička organizacija Ćuprija",
];

/**
 * Demo streets: each name laid on a straight line through the town, alternating north–south and
 * east–west. The layout is synthetic (the names are real Serbian street names, the lines are not
 * surveyed); it gives address search and "the address under the pin" something to work with.
 */
export const streetSeeds: Array<{ name: string; line: [number, number][] }> = streetNames.map((name, i) => {
  const [cx, cy] = municipality.centre as [number, number];
  const k = Math.floor(i / 2) - 5; // -5 … 4
  if (i % 2 === 0) {
    const x = Math.round((cx + k * 0.0028 + 0.0014) * 1e6) / 1e6;
    return {
      name,
      line: [
        [x, cy - 0.011],
        [x, cy + 0.011],
      ],
    };
  }
  const y = Math.round((cy + k * 0.0021 + 0.001) * 1e6) / 1e6;
  return {
    name,
    line: [
      [cx - 0.014, y],
      [cx + 0.014, y],
    ],
  };
});

/** Landmarks people give as a location. Positions are approximate. */
export const landmarkSeeds: Array<{ name: LocalizedText; position: [number, number] }> = [
  { name: sr("Opštinska uprava", "Municipal building"), position: [21.3702, 43.9283] },
  { name: sr("Autobuska stanica", "Bus station"), position: [21.3745, 43.9301] },
  { name: sr("Železnička stanica", "Railway station"), position: [21.3828, 43.9262] },
  { name: sr("Dom zdravlja", "Health centre"), position: [21.3668, 43.9312] },
  { name: sr("Gradska pijaca", "Town market"), position: [21.3721, 43.9268] },
  { name: sr("Gradski stadion", "Town stadium"), position: [21.3615, 43.9235] },
  { name: sr("Most na Moravi", "Bridge over the Morava"), position: [21.3862, 43.9318] },
  { name: sr("Gradski park", "Town park"), position: [21.3688, 43.9259] },
];

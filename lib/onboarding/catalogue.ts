/**
 * The built-in catalogue of common communal categories a new municipality starts from, with the
 * service standard most Serbian municipalities promise (working days) and who usually handles it.
 * The wizard shows it for editing before anything is saved. Names are given in Serbian Latin and
 * English; Cyrillic is derived.
 */
export type OrganisationKind = "contact_centre" | "department" | "inspectorate" | "utility_company";

export type CatalogueGroup = { code: string; name: { "sr-Latn": string; en: string } };

export type CatalogueCategory = {
  serviceCode: string;
  groupCode: string;
  name: { "sr-Latn": string; en: string };
  description: { "sr-Latn": string; en: string };
  slaWorkingDays: number;
  responsibleKind: OrganisationKind;
  responsibleSector: string;
  /** Reports about a person's home or behaviour stay off the public map. */
  isPublic: boolean;
};

export const catalogueGroups: CatalogueGroup[] = [
  { code: "roads", name: { "sr-Latn": "Putevi i saobraćaj", en: "Roads and traffic" } },
  { code: "waste", name: { "sr-Latn": "Otpad i čistoća", en: "Waste and cleaning" } },
  { code: "water", name: { "sr-Latn": "Voda i kanalizacija", en: "Water and sewage" } },
  { code: "lighting", name: { "sr-Latn": "Javna rasveta", en: "Street lighting" } },
  { code: "greenery", name: { "sr-Latn": "Zelenilo i javne površine", en: "Greenery and public spaces" } },
  { code: "order", name: { "sr-Latn": "Komunalni red", en: "Public order" } },
  { code: "construction", name: { "sr-Latn": "Gradnja", en: "Construction" } },
];

const c = (
  serviceCode: string,
  groupCode: string,
  srLatn: string,
  en: string,
  descriptionSr: string,
  descriptionEn: string,
  slaWorkingDays: number,
  responsibleKind: OrganisationKind,
  responsibleSector: string,
  isPublic = true,
): CatalogueCategory => ({
  serviceCode,
  groupCode,
  name: { "sr-Latn": srLatn, en },
  description: { "sr-Latn": descriptionSr, en: descriptionEn },
  slaWorkingDays,
  responsibleKind,
  responsibleSector,
  isPublic,
});

export const catalogueCategories: CatalogueCategory[] = [
  c(
    "pothole",
    "roads",
    "Udarna rupa na putu",
    "Pothole",
    "Rupa ili ulegnuće na kolovozu.",
    "A hole or depression in the road surface.",
    10,
    "utility_company",
    "roads",
  ),
  c(
    "damaged_sign",
    "roads",
    "Oštećen saobraćajni znak",
    "Damaged traffic sign",
    "Oboren, okrenut, nečitak ili nedostaje znak.",
    "A sign that is down, turned, unreadable or missing.",
    5,
    "utility_company",
    "roads",
  ),
  c(
    "damaged_pavement",
    "roads",
    "Oštećen trotoar",
    "Damaged pavement",
    "Polomljene ploče, izdignut ili propao trotoar.",
    "Broken slabs, raised or sunken pavement.",
    15,
    "utility_company",
    "roads",
  ),
  c(
    "illegal_dumping",
    "waste",
    "Divlja deponija",
    "Illegal dumping",
    "Otpad ostavljen van kontejnera, na livadi, uz reku ili put.",
    "Rubbish dumped outside containers, in a field, by a river or road.",
    15,
    "inspectorate",
    "communal",
  ),
  c(
    "overflowing_bins",
    "waste",
    "Prepun kontejner",
    "Overflowing bins",
    "Kontejner je pun ili oštećen, otpad je oko njega.",
    "A container is full or broken, with rubbish around it.",
    3,
    "utility_company",
    "waste",
  ),
  c(
    "water_leak",
    "water",
    "Curenje vode",
    "Water leak",
    "Voda izbija iz zemlje, hidranta ili cevi.",
    "Water coming out of the ground, a hydrant or a pipe.",
    2,
    "utility_company",
    "water",
  ),
  c(
    "sewer_overflow",
    "water",
    "Izlivanje kanalizacije",
    "Sewer overflow",
    "Kanalizacija se izliva na ulicu ili u dvorište.",
    "Sewage overflowing into the street or a yard.",
    2,
    "utility_company",
    "water",
  ),
  c(
    "broken_street_light",
    "lighting",
    "Ne radi ulična rasveta",
    "Broken street light",
    "Svetiljka ne radi, treperi ili gori danju.",
    "A lamp that is out, flickers or is on during the day.",
    7,
    "utility_company",
    "lighting",
  ),
  c(
    "fallen_tree",
    "greenery",
    "Palo ili opasno drvo",
    "Fallen or dangerous tree",
    "Drvo ili grana je pala ili preti da padne.",
    "A tree or branch has fallen or is about to.",
    2,
    "utility_company",
    "greenery",
  ),
  c(
    "graffiti",
    "greenery",
    "Grafiti i oštećenje javnih objekata",
    "Graffiti and vandalism",
    "Grafiti ili oštećenje javnog objekta.",
    "Graffiti or damage to a public building or object.",
    15,
    "inspectorate",
    "communal",
  ),
  c(
    "stray_animals",
    "order",
    "Napuštene životinje",
    "Stray animals",
    "Napušteni psi ili druge životinje na javnoj površini.",
    "Stray dogs or other animals in a public place.",
    5,
    "utility_company",
    "hygiene",
  ),
  c(
    "noise",
    "order",
    "Buka",
    "Noise",
    "Prekomerna buka iz objekta, sa gradilišta ili ugostiteljskog objekta.",
    "Excessive noise from premises, a building site or a venue.",
    15,
    "inspectorate",
    "environment",
    false,
  ),
  c(
    "illegal_construction",
    "construction",
    "Bespravna gradnja",
    "Illegal construction",
    "Gradnja bez vidljive table i dozvole.",
    "Building work without a visible permit board.",
    30,
    "inspectorate",
    "building",
  ),
];

/** The organisations the catalogue's categories expect, offered as a starting list in the wizard. */
export const catalogueOrganisations: Array<{
  code: string;
  kind: OrganisationKind;
  sector: string | null;
  name: { "sr-Latn": string; en: string };
}> = [
  {
    code: "kontakt-centar",
    kind: "contact_centre",
    sector: null,
    name: { "sr-Latn": "Kontakt centar", en: "Contact centre" },
  },
  {
    code: "komunalna-inspekcija",
    kind: "inspectorate",
    sector: "communal",
    name: { "sr-Latn": "Komunalna inspekcija", en: "Communal inspectorate" },
  },
  {
    code: "gradjevinska-inspekcija",
    kind: "inspectorate",
    sector: "building",
    name: { "sr-Latn": "Građevinska inspekcija", en: "Building inspectorate" },
  },
  {
    code: "ekoloska-inspekcija",
    kind: "inspectorate",
    sector: "environment",
    name: { "sr-Latn": "Inspekcija za zaštitu životne sredine", en: "Environmental inspectorate" },
  },
  {
    code: "vodovod",
    kind: "utility_company",
    sector: "water",
    name: { "sr-Latn": "JKP Vodovod", en: "Water utility" },
  },
  {
    code: "cistoca",
    kind: "utility_company",
    sector: "waste",
    name: { "sr-Latn": "JKP Čistoća", en: "Waste utility" },
  },
  {
    code: "zelenilo",
    kind: "utility_company",
    sector: "greenery",
    name: { "sr-Latn": "JKP Zelenilo", en: "Parks utility" },
  },
  {
    code: "higijena",
    kind: "utility_company",
    sector: "hygiene",
    name: { "sr-Latn": "Zoohigijena", en: "Animal control" },
  },
  {
    code: "rasveta",
    kind: "utility_company",
    sector: "lighting",
    name: { "sr-Latn": "Javna rasveta", en: "Street lighting" },
  },
  {
    code: "putevi",
    kind: "utility_company",
    sector: "roads",
    name: { "sr-Latn": "Održavanje puteva", en: "Road maintenance" },
  },
];

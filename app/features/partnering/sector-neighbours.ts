/**
 * Which NACE Rev. 2 divisions are neighbours along a supply chain, and which sectors play which
 * part in a partnership. This is OUR OWN JUDGEMENT (no official table says which divisions sell
 * to which): pairs where a micro-enterprise in one division plausibly buys from, sells through or
 * works for one in the other. It is deliberately short; a pair missing here only means a match
 * gets no "neighbours" reason, never that it is hidden. Pure data, no database.
 */

/** Division → divisions it sells to or works with, downstream or alongside (symmetric below). */
const CHAINS: Record<string, readonly string[]> = {
  // Farming, fishing and food: to food processing, wholesale, retail and restaurants.
  "01": ["10", "11", "46", "47", "56"],
  "02": ["16", "46"],
  "03": ["10", "46", "47", "56"],
  "10": ["11", "46", "47", "56", "52"],
  "11": ["46", "47", "56"],
  // Textiles, clothing, leather: to wholesale and retail.
  "13": ["14", "46", "47"],
  "14": ["46", "47"],
  "15": ["46", "47"],
  // Wood and furniture: to wholesale, retail and construction.
  "16": ["31", "41", "43", "46", "47"],
  "31": ["46", "47", "43"],
  // Printing and paper: to publishers and advertising.
  "17": ["18", "46"],
  "18": ["58", "73"],
  // Metal, machinery and equipment: to each other, construction and repair.
  "24": ["25"],
  "25": ["28", "29", "33", "43"],
  "26": ["27", "62", "95"],
  "27": ["28", "43"],
  "28": ["33", "46"],
  "29": ["45"],
  // Construction trades work with each other and with architects and engineers.
  "41": ["42", "43", "71"],
  "42": ["43", "71"],
  "43": ["71", "81"],
  // Transport and storage serve trade.
  "49": ["46", "47", "52"],
  "52": ["46"],
  // Accommodation and food service with tourism and events.
  "55": ["56", "79", "82"],
  "56": ["79", "82"],
  // Information and communication with publishing, consulting and advertising.
  "58": ["62", "63"],
  "62": ["63", "70", "73", "58", "85"],
  "63": ["70", "73"],
  "70": ["69", "73", "85"],
  "73": ["74", "82"],
  "74": ["73"],
  "85": ["88"],
  "90": ["59", "93"],
};

function buildNeighbours(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)?.add(b);
  };
  for (const [from, tos] of Object.entries(CHAINS)) {
    for (const to of tos) {
      add(from, to);
      add(to, from);
    }
  }
  return map;
}

const NEIGHBOURS = buildNeighbours();

/** Whether two divisions are neighbours along a supply chain (never a division with itself). */
export function areNeighbours(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}

/** The neighbours of a division (for candidate selection), sorted. */
export function neighboursOf(division: string | null): string[] {
  if (!division) return [];
  return [...(NEIGHBOURS.get(division) ?? [])].sort();
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, "0"));

const PRIMARY = range(1, 3);
const MANUFACTURING = range(10, 33);
const TRADE = range(45, 47);
const HOSPITALITY = ["55", "56"];

/**
 * For each partnership: the divisions that PROVIDE it (a distributor is in trade) and those that
 * typically SEEK it (producers seek distributors). `null`: any division may play either part
 * (joint ventures, knowledge exchange…), or for subcontracting the same or a neighbouring one.
 */
export const partnershipRoles: Record<
  string,
  { providers: readonly string[]; seekers: readonly string[] } | "related" | null
> = {
  distribution: { providers: TRADE, seekers: [...PRIMARY, ...MANUFACTURING] },
  supplier: {
    providers: [...PRIMARY, ...MANUFACTURING],
    seekers: [...MANUFACTURING, ...TRADE, ...HOSPITALITY],
  },
  subcontracting: "related",
  franchise: { providers: [...TRADE, ...HOSPITALITY, "96"], seekers: [...TRADE, ...HOSPITALITY] },
  licensing: { providers: [...MANUFACTURING, "58", "62", "72"], seekers: MANUFACTURING },
  joint_venture: null,
  public_tender: null,
  knowledge_exchange: null,
  learn_together: null,
};

/**
 * Whether an organisation in `division` fits the part an opportunity asks of it: when they
 * request a partnership, it should provide it; when they offer one, it should be one that
 * seeks it. Subcontracting: the same or a neighbouring division as the opportunity's.
 */
export function fitsRole(
  partnership: string,
  theirKind: "offer" | "request",
  division: string | null,
  theirDivision: string,
): boolean {
  if (!division) return false;
  const roles = partnershipRoles[partnership];
  if (!roles) return false;
  if (roles === "related") {
    return division === theirDivision || areNeighbours(division, theirDivision);
  }
  const part = theirKind === "request" ? roles.providers : roles.seekers;
  return part.includes(division);
}

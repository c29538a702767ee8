// Region keys for finding link candidates through an index (docs/decisions/0014): a commitment is
// stored with the key of its document's place, and a new document looks for earlier commitments of
// the same place and of no known place. Another place's pledge is never a candidate — scoreMatch
// would keep it under the threshold anyway (decision 0012).
import { isNational, normalizeRegion, regionPath } from "./regions";

/** The key of national documents (全国, 国务院 …). */
export const NATIONAL_KEY = "全国";
/** The key of documents whose place is unknown. */
export const UNKNOWN_KEY = "";

/**
 * A place as one string: its gazetteer path ("浙江省/宁波市/慈溪市") when the name resolves, the
 * national key, the written name otherwise, and "" when there is no place.
 */
export function regionKey(region: string | null | undefined): string {
  const r = normalizeRegion(region);
  if (r === null) return UNKNOWN_KEY;
  if (isNational(r)) return NATIONAL_KEY;
  const path = regionPath(r);
  return path && path.length > 0 ? path.join("/") : r;
}

/**
 * The keys whose commitments a document of `region` may report on: its own place and unknown
 * places. Places containing it or inside it are not read — their figures are not the same place's
 * (scoreMatch keeps them under the threshold, decisions 0012 and 0014). Null when the document's own
 * place is unknown: then every place is a candidate.
 */
export function candidateRegionKeys(region: string | null | undefined): string[] | null {
  const key = regionKey(region);
  if (key === UNKNOWN_KEY) return null;
  return [key, UNKNOWN_KEY];
}

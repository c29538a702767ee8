// The reader of a page or an API call and what they may see (docs/decisions/0031).
import { scopeFor } from "~/services/publication.server";
import type { ReadScope, User } from "~/services/tracking-types";
import { getViewer } from "./user.server";

export async function viewerScope(request: Request): Promise<{ viewer: User | null; scope: ReadScope }> {
  const viewer = await getViewer(request);
  return { viewer, scope: scopeFor(viewer) };
}

// The extraction engine: a pure function of the text and the document's date.
// No database, no clock, no framework. See README.md in this folder for the pipeline.
import type { ExtractOptions, ExtractionResult } from "./types";

export type * from "./types";

export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  void text;
  void options;
  return {
    document: {
      agency: null, addressee: null, addresseeRole: null, ref: null, session: null, title: null,
      repliedOn: options.documentDate ?? null, region: null, coAgencies: [], kind: "reply",
    },
    commitments: [],
    observations: [],
  };
}

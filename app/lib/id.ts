import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

let lastTime = -1;
let lastRandom: number[] = [];

/**
 * A 26-character id that sorts by creation time (a ULID in lower case). Made in app code rather
 * than by the database so SQLite and PostgreSQL produce the same kind of key, and so an id is known
 * before its row is inserted (events can reference it in the same transaction).
 *
 * Monotonic, as the ULID specification describes: ids made within one millisecond (every row of one
 * ingest) increase by one in their random part, so the order of ids is the order rows were made in —
 * newest-first reads and ties between equally good candidates come out the same on every run.
 */
export function newId(now: number = Date.now()): string {
  let random: number[];
  if (now <= lastTime && lastRandom.length === 16) {
    now = lastTime;
    random = [...lastRandom];
    // add one, carrying from the last digit (2^80 ids in one millisecond do not occur)
    for (let i = 15; i >= 0; i--) {
      if (random[i]! < 31) {
        random[i]!++;
        break;
      }
      random[i] = 0;
    }
  } else {
    const bytes = randomBytes(16);
    // the first digit below 16 leaves room to count up within the millisecond
    random = Array.from(bytes, (b, i) => (i === 0 ? b % 16 : b % 32));
  }
  lastTime = now;
  lastRandom = random;
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((d) => ALPHABET[d]).join("");
}

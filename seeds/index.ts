export { seed, seedIfEmpty, listSeedFiles, SEED_DIR } from "./seed.server";

/**
 * The memory a server gains on two hostile requests (a 200 MB chunked body; four filings with three
 * 100-megapixel PNGs each), for the source tree given as the first argument (default: this one):
 * `tsx bench/hostile-memory.ts /path/to/other/checkout` measures a version before a change.
 */
import { measureHostileMemory } from "../tests/helpers/memory-probe";

void measureHostileMemory(process.argv[2]).then((result) => console.log(JSON.stringify(result)));

/**
 * The CLI moved to src/cli/ (entry point src/cli/main.ts). This re-export keeps `../src/cli.js`
 * imports (examples/demo.ts, test/examples.test.ts) working until they import src/cli/main.js.
 */
export { EXIT, main, type CliIo } from "./cli/main.js";

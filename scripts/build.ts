/**
 * `npm run build`: validate the content, render the site, index it for search, print the PDFs,
 * and publish into _site/ only when every stage succeeded (scripts/build/build-command.ts).
 */
import { buildCommand } from "./build/build-command.ts";

buildCommand(process.argv.slice(2));

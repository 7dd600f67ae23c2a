import type { APIRoute } from "astro";
import { getSearchRecords } from "../../data/archive.ts";

/**
 * Every week as the search index needs it, from the archive model parsed once for the whole build.
 * The dev server's search reads this route; a build indexes the same records while pages render
 * (see integrations/pagefind.ts) and deletes this file from the output.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getSearchRecords()), { headers: { "Content-Type": "application/json; charset=utf-8" } });

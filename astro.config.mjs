// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { siteConfig } from "./src/site.config.ts";

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});

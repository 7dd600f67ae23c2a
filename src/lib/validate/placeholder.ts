/** What `npm run new` writes where the author still has to write; the check warns while any is left. */
export const TEMPLATE_PLACEHOLDER = "（待填写）";

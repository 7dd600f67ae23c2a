/** What `npm run new` writes where the author still has to write: an error in a published week, a warning in a draft. */
export const TEMPLATE_PLACEHOLDER = "（待填写）";

/** Every mark of unwritten text the templates use: `（待填写）` in either bracket width, and the default template's 【项目名称】. */
export const PLACEHOLDER_PATTERN = /[（(]\s*待填写\s*[）)]|【项目名称】/;

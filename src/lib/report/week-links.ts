/** Where links inside a week point; the site passes its base-aware routes. */
export interface WeekLinks {
  project(slug: string): string;
  objective(id: string): string;
  /** Site-absolute paths written in a week (`/weeks/2024-w16/`, `/images/…`) under the deploy base. */
  internal?(path: string): string;
}

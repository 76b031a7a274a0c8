export interface RenderOptions {
  /** Prefix of cyber8k's own links (`/v1/incidents/…`), e.g. `https://cyber8k.example.com`; none: relative. */
  baseUrl?: string;
}

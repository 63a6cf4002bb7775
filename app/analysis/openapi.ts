// The OpenAPI 3.1 description of the analysts' API, served at /api/openapi.json.
const bearer = [{ bearerAuth: [] }];
const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const filters = [
  { name: "from", in: "query", schema: { type: "string", format: "date" }, description: "First day, inclusive" },
  { name: "to", in: "query", schema: { type: "string", format: "date" }, description: "Last day, inclusive" },
  { name: "channel", in: "query", schema: { type: "string", enum: ["online", "assisted", "event", "paper", "import"] } },
];
const errors = {
  "400": { description: "A query parameter is not valid" },
  "401": { description: "No token, or an expired, revoked or unknown one" },
  "403": { description: "The token's scope does not allow this" },
  "404": { description: "No such consultation in the token's organisation" },
  "429": { description: "Too many requests; see Retry-After" },
};

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Heard analysts' API",
    version: "1.0.0",
    description:
      "Read-only access to one organisation's consultations. Tokens are created by officers and admins at /admin/api-tokens and scoped to suppressed aggregates or to raw responses. Every read is recorded in the audit log. Counts below the organisation's threshold are null in aggregates.",
  },
  servers: [{ url: "/" }],
  components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
  security: bearer,
  paths: {
    "/api/consultations": {
      get: { summary: "List consultations", responses: { "200": { description: "Consultations (id, title, status)" }, ...errors } },
    },
    "/api/consultations/{id}": {
      get: { summary: "A consultation and its survey definitions", parameters: [id], responses: { "200": { description: "The consultation and every published survey version" }, ...errors } },
    },
    "/api/consultations/{id}/aggregates": {
      get: { summary: "Suppressed counts per question", parameters: [id, ...filters], responses: { "200": { description: "The results summary; hidden counts are null" }, ...errors } },
    },
    "/api/consultations/{id}/responses": {
      get: {
        summary: "Raw responses, 100 a page (tokens scoped to responses only)",
        parameters: [id, { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } }, ...filters],
        responses: { "200": { description: "A page of responses and whether more follow" }, ...errors },
      },
    },
  },
} as const;

// The OpenAPI 3.1 description of the JSON API (docs/openapi.json), served at
// /api/v1/openapi.json.
#pragma once

#include <string_view>

namespace tribune::web {

// The document's text, as in docs/openapi.json when the binary was built.
std::string_view OpenApiDocument();

// Its media type (registered with IANA for OpenAPI documents in JSON).
inline constexpr std::string_view kOpenApiMediaType =
    "application/vnd.oai.openapi+json;version=3.1";

}  // namespace tribune::web

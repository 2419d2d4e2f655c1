package io.wenzheng.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the four services, read from their live OpenAPI documents with the roles each one allows, so
 * that an endpoint added tomorrow is in the matrix without anyone listing it.
 */
final class AuthorizationMatrix {
    /** The only operations that take no token: platform webhooks, Open311 (its api_key), tracking (the API and the citizen's page), and the console's login (settings and the PKCE code exchange). */
    static final List<String> PUBLIC_PREFIXES = List.of("/channels/", "/open311/", "/api/v1/track/", "/track", "/api/v1/console/");
    /** Demo users of the realm, one per role; staff-a3 is unit staff of A3. */
    static final Map<String, String> USER_OF_ROLE = Map.of("operator", "operator1", "unit-staff", "staff-a3",
            "supervisor", "supervisor1", "analyst", "analyst1", "admin", "admin1");
    private static final Pattern PARAM = Pattern.compile("\\{([^}:]+)[^}]*}");

    record Operation(ServiceName service, String method, String template, List<String> roles, boolean bodyIsArray,
                     boolean takesPetition, boolean takesUnit) {
        boolean isPublic() {
            return roles == null;
        }

        /** The path with each parameter filled in: petition ids with {@code petitionId}, anything else with a harmless value. */
        String path(String petitionId) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = switch (name) {
                    case "id", "petitionId" -> template.startsWith("/api/v1/reports") ? "weekly-2026-11-23" : petitionId;
                    case "format" -> template.startsWith("/api/v1/reports") ? "html" : "json";
                    case "version" -> "1";
                    default -> "no-such-" + name;
                };
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        RequestSpecification request(Suite suite, String token, String petitionId, String unit) {
            RequestSpecification spec = given().baseUri(suite.url(service)).redirects().follow(false);
            if (token != null) {
                spec = spec.auth().oauth2(token);
            }
            if (takesUnit && unit != null) {
                spec = spec.queryParam("unit", unit);
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                spec = spec.contentType(ContentType.JSON).body(bodyIsArray ? "[]" : "{\"unitCode\":\"A3\",\"message\":\"matrix\","
                        + "\"reason\":\"matrix\",\"rating\":3,\"text\":\"matrix\",\"channel\":\"WEB\",\"petitionId\":\"" + petitionId + "\"}");
            }
            if (template.endsWith("/live")) {
                spec = spec.accept("text/event-stream");
            }
            return spec;
        }

        @Override
        public String toString() {
            return method + " " + service.id() + template;
        }
    }

    static List<Operation> read(Suite suite) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Operation> operations = new ArrayList<>();
        for (ServiceName service : ServiceName.values()) {
            JsonNode doc = json.readTree(given().baseUri(suite.url(service)).get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : List.of("get", "post", "put", "delete", "patch")) {
                    JsonNode op = path.getValue().path(method);
                    if (op.isMissingNode()) {
                        continue;
                    }
                    List<String> roles = null;
                    if (op.has("security")) {
                        roles = new ArrayList<>();
                        for (JsonNode requirement : op.path("security")) {
                            for (JsonNode scopes : requirement) {
                                for (JsonNode role : scopes) {
                                    roles.add(role.asText());
                                }
                            }
                        }
                    }
                    boolean takesUnit = false;
                    for (JsonNode p : op.path("parameters")) {
                        takesUnit |= p.path("in").asText().equals("query") && p.path("name").asText().equals("unit");
                    }
                    boolean array = op.at("/requestBody/content/application~1json/schema/type").asText().equals("array");
                    boolean takesPetition = path.getKey().contains("{id}") || path.getKey().contains("{petitionId}");
                    operations.add(new Operation(service, method.toUpperCase(), path.getKey(), roles, array,
                            takesPetition && !path.getKey().startsWith("/api/v1/reports"), takesUnit));
                }
            }
        }
        return operations;
    }

    private AuthorizationMatrix() {
    }
}

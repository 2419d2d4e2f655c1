package io.wenzheng.analytics.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The realm's token endpoint, reached the way this service reaches Keycloak (in-cluster in production). */
@RegisterRestClient(configKey = "keycloak")
@Path("/protocol/openid-connect")
interface KeycloakTokenEndpoint {
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> token(MultivaluedMap<String, String> form);
}

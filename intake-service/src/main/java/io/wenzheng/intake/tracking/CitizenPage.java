package io.wenzheng.intake.tracking;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's page (办理进度查询): the address every acknowledgement and reply carries. The page itself is static;
 * its script reads the code from the address and asks {@link TrackingResource}, so one rate limit and one view serve both.
 */
@Path("/track")
@PermitAll
@Tag(name = "citizen tracking")
public class CitizenPage {
    /** Only this page's own script and style; nothing inline, nothing from elsewhere. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
            + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final byte[] PAGE = load();

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The citizen's page, asking for a tracking code")
    public Response empty() {
        return page();
    }

    @GET
    @Path("/{trackingCode}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The citizen's page of a petition: status, unit, public replies, rating; mobile first, Chinese first")
    public Response petition() {
        return page();
    }

    private static Response page() {
        return Response.ok(PAGE, "text/html; charset=utf-8").header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-cache").build();
    }

    private static byte[] load() {
        try (InputStream in = CitizenPage.class.getResourceAsStream("/citizen/track.html")) {
            if (in == null) {
                throw new IllegalStateException("citizen/track.html is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

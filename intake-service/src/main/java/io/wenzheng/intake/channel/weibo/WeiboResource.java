package io.wenzheng.intake.channel.weibo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.intake.channel.PlatformSignature;
import io.wenzheng.intake.channel.ReplayGuard;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A Weibo account's fan-service push URL: verification, and private messages and mentions pushed as JSON. A petition
 * is answered with a passive reply carrying the tracking code.
 */
@Path("/channels/weibo/{account}")
@Tag(name = "channels")
// The platform calls without a user token; each request carries its signature.
@jakarta.annotation.security.PermitAll
public class WeiboResource {
    @Inject
    IntakeConfig config;
    @Inject
    io.wenzheng.intake.tracking.TrackingLink link;
    @Inject
    ReplayGuard replayGuard;
    @Inject
    PetitionIntake intake;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Weibo URL verification: echoes echostr when the signature is right")
    public String verify(@PathParam("account") String name, @QueryParam("signature") String signature,
                         @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
                         @QueryParam("echostr") String echostr) {
        return PlatformSignature.echo(secret(name), signature, timestamp, nonce, echostr);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A push from the Weibo fan-service platform; answers with a passive reply")
    public Uni<String> receive(@PathParam("account") String name, @QueryParam("signature") String signature,
                               @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce, byte[] body) {
        String secret = secret(name);
        if (timestamp == null || nonce == null || nonce.isBlank() || nonce.length() > 100
                || !PlatformSignature.matches(PlatformSignature.of(secret, timestamp, nonce), signature)) {
            throw ReplayGuard.forbidden("bad signature");
        }
        long signedAt = seconds(timestamp);
        if (body == null || body.length == 0 || body.length > config.channelMaxBodyBytes()) {
            throw new ProblemException(Problem.of(body == null || body.length == 0 ? 400 : 413, "Bad body",
                    "a push is a JSON object of at most " + config.channelMaxBodyBytes() + " bytes"));
        }
        WeiboPush push = new WeiboPush(parse(body));
        return replayGuard.admit(Channel.WEIBO, name, nonce, signedAt, body)
                .chain(() -> push.petition()
                        .map(s -> intake.submitOnce(s, new ChannelOrigin(name, push.messageId(), push.senderId()), null)
                                .map(receipt -> receipt.trackingCode())
                                .map(code -> reply(push, link.acknowledgement(code))))
                        .orElseGet(() -> Uni.createFrom().item("")));
    }

    /** The passive reply: sender and receiver swapped, the content URL-encoded JSON, as the platform expects. */
    private static String reply(WeiboPush to, String text) {
        var data = EventJson.mapper().createObjectNode().put("text", text);
        var reply = EventJson.mapper().createObjectNode()
                .put("result", true)
                .put("sender_id", to.receiverId())
                .put("receiver_id", to.senderId())
                .put("type", "text")
                .put("data", URLEncoder.encode(data.toString(), StandardCharsets.UTF_8));
        return reply.toString();
    }

    private String secret(String name) {
        IntakeConfig.WeiboAccount account = config.weiboAccounts().get(name);
        if (account == null) {
            throw ProblemException.notFound("Weibo account " + name);
        }
        return account.appSecret();
    }

    /** Weibo signs with milliseconds. */
    private static long seconds(String timestamp) {
        try {
            long value = Long.parseLong(timestamp);
            return value > 100_000_000_000L ? value / 1000 : value;
        } catch (NumberFormatException e) {
            throw ReplayGuard.forbidden("timestamp must be a number");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = EventJson.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                throw new ProblemException(Problem.of(400, "Malformed push", "a push is a JSON object"));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(400, "Malformed push", "not JSON: " + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.of(400, "Malformed push", e.getMessage()));
        }
    }
}

package io.wenzheng.intake.channel.wechat;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.intake.channel.PlatformSignature;
import io.wenzheng.intake.channel.ReplayGuard;
import io.wenzheng.intake.channel.SafeXml;
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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A WeChat Official Account's server URL (服务器配置): URL verification, and messages in plaintext or secure mode.
 * A text, image, voice or location message becomes a petition, and the passive reply gives the tracking code.
 */
@Path("/channels/wechat/{account}")
@Tag(name = "channels")
// The platform calls without a user token; each request carries its signature.
@jakarta.annotation.security.PermitAll
public class WeChatResource {
    private static final SecureRandom RANDOM = new SecureRandom();

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
    @Operation(summary = "WeChat URL verification: echoes echostr when the signature is right")
    public String verify(@PathParam("account") String name, @QueryParam("signature") String signature,
                         @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
                         @QueryParam("echostr") String echostr) {
        return PlatformSignature.echo(account(name).token(), signature, timestamp, nonce, echostr);
    }

    @POST
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "A message or event pushed by WeChat; answers with a passive reply")
    public Uni<String> receive(@PathParam("account") String name, @QueryParam("signature") String signature,
                               @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
                               @QueryParam("encrypt_type") String encryptType, @QueryParam("msg_signature") String msgSignature,
                               byte[] body) {
        IntakeConfig.WeChatAccount account = account(name);
        long signedAt = parseTimestamp(timestamp);
        if (nonce == null || nonce.isBlank() || nonce.length() > 100) {
            throw ReplayGuard.forbidden("missing nonce");
        }
        if (body != null && body.length > config.channelMaxBodyBytes()) {
            throw new ProblemException(Problem.of(413, "Too large", "body over " + config.channelMaxBodyBytes() + " bytes"));
        }
        boolean secure = "aes".equals(encryptType);
        WeChatCrypto crypto = new WeChatCrypto(account.encodingAesKey(), account.appId());
        byte[] inner;
        if (secure) {
            String envelope = fields(body).get("Encrypt");
            if (envelope == null || envelope.isBlank()) {
                throw bad("secure mode without an Encrypt element");
            }
            if (!PlatformSignature.matches(PlatformSignature.of(account.token(), timestamp, nonce, envelope), msgSignature)) {
                throw ReplayGuard.forbidden("bad msg_signature");
            }
            try {
                inner = crypto.decrypt(envelope).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ReplayGuard.forbidden("cannot open the envelope: " + e.getMessage());
            }
        } else {
            if (account.secureOnly()) {
                throw ReplayGuard.forbidden("account " + name + " accepts secure mode only");
            }
            if (!PlatformSignature.matches(PlatformSignature.of(account.token(), timestamp, nonce), signature)) {
                throw ReplayGuard.forbidden("bad signature");
            }
            inner = body;
        }
        WeChatMessage message = new WeChatMessage(fields(inner));
        return replayGuard.admit(Channel.WECHAT, name, nonce, signedAt, body)
                .chain(() -> petitionFor(name, message))
                .map(tracking -> tracking.map(code -> reply(message, link.acknowledgement(code)))
                        .map(xml -> secure ? seal(account, crypto, xml) : xml)
                        .orElse("success"));
    }

    /** The tracking code of the petition the message is, filing it if this is the first delivery. */
    private Uni<Optional<String>> petitionFor(String account, WeChatMessage message) {
        var submission = message.petition();
        if (message.isEvent() || submission.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return intake.submitOnce(submission.get(), new ChannelOrigin(account, message.messageId(), message.from()), null)
                .map(receipt -> Optional.of(receipt.trackingCode()));
    }

    private static String reply(WeChatMessage to, String text) {
        return "<xml><ToUserName>" + SafeXml.cdata(to.from()) + "</ToUserName><FromUserName>" + SafeXml.cdata(to.to())
                + "</FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + SafeXml.cdata(text) + "</Content></xml>";
    }

    private static String seal(IntakeConfig.WeChatAccount account, WeChatCrypto crypto, String xml) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String envelope = crypto.encrypt(xml, random);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = String.valueOf(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
        return "<xml><Encrypt>" + SafeXml.cdata(envelope) + "</Encrypt><MsgSignature>"
                + SafeXml.cdata(PlatformSignature.of(account.token(), timestamp, nonce, envelope)) + "</MsgSignature><TimeStamp>"
                + timestamp + "</TimeStamp><Nonce>" + SafeXml.cdata(nonce) + "</Nonce></xml>";
    }

    private IntakeConfig.WeChatAccount account(String name) {
        IntakeConfig.WeChatAccount account = config.wechatAccounts().get(name);
        if (account == null) {
            throw ProblemException.notFound("WeChat account " + name);
        }
        return account;
    }

    private Map<String, String> fields(byte[] xml) {
        try {
            return SafeXml.fields(xml, config.channelMaxBodyBytes());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static long parseTimestamp(String timestamp) {
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw ReplayGuard.forbidden("timestamp must be seconds since the epoch");
        }
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.of(400, "Malformed message", detail));
    }
}

package io.wenzheng.intake.channel.alipay;

import io.smallrye.mutiny.Uni;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.intake.channel.FormBody;
import io.wenzheng.intake.channel.ReplayGuard;
import io.wenzheng.intake.channel.SafeXml;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An Alipay life account's gateway (生活号 应用网关): the gateway check ({@code alipay.service.check}) and citizens'
 * messages, each a form signed with RSA2 by Alipay, each answered with a response signed with the account's key.
 */
@Path("/channels/alipay/{account}")
@Tag(name = "channels")
// The platform calls without a user token; each request carries its signature.
@jakarta.annotation.security.PermitAll
public class AlipayResource {
    static final String CHECK = "alipay.service.check";
    static final String NOTIFY = "alipay.mobile.public.message.notify";

    @Inject
    IntakeConfig config;
    @Inject
    PetitionIntake intake;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Alipay's gateway call: the check, or a message that becomes a petition")
    public Uni<Response> receive(@PathParam("account") String name, byte[] body) {
        IntakeConfig.AlipayAccount account = config.alipayAccounts().get(name);
        if (account == null) {
            throw ProblemException.notFound("Alipay account " + name);
        }
        if (body == null || body.length == 0 || body.length > config.channelMaxBodyBytes()) {
            throw new ProblemException(Problem.of(body == null || body.length == 0 ? 400 : 413, "Bad body",
                    "a gateway call is a form of at most " + config.channelMaxBodyBytes() + " bytes"));
        }
        Map<String, String> form = form(body);
        Charset charset = charset(form.get("charset"));
        if (!"RSA2".equals(form.get("sign_type"))) {
            throw ReplayGuard.forbidden("sign_type must be RSA2");
        }
        if (!AlipaySignature.verify(AlipaySignature.content(form), form.get("sign"), AlipaySignature.publicKey(account.alipayPublicKey()), charset)) {
            throw ReplayGuard.forbidden("bad sign");
        }
        String service = form.getOrDefault("service", "");
        Map<String, String> biz;
        try {
            biz = SafeXml.fields(form.getOrDefault("biz_content", "").getBytes(StandardCharsets.UTF_8), config.channelMaxBodyBytes());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "Malformed message", "biz_content: " + e.getMessage()));
        }
        AlipayMessage message = new AlipayMessage(biz);
        if (message.appId() != null && !message.appId().equals(account.appId())) {
            throw ReplayGuard.forbidden("message for app " + message.appId() + ", not " + account.appId());
        }
        if (CHECK.equals(service)) {
            return Uni.createFrom().item(signed(account, "<biz_content>" + account.publicKey() + "</biz_content><success>true</success>", charset));
        }
        if (!NOTIFY.equals(service)) {
            throw new ProblemException(Problem.of(400, "Unknown service", "service " + service + " is not handled"));
        }
        return message.petition()
                .map(s -> intake.submitOnce(s, new ChannelOrigin(name, message.messageId(), message.from()), null).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem())
                .map(ignored -> signed(account, "<success>true</success>", charset));
    }

    /** The response Alipay expects: the inner XML of {@code <response>} signed with the account's private key. */
    private static Response signed(IntakeConfig.AlipayAccount account, String inner, Charset charset) {
        String sign = AlipaySignature.sign(inner, AlipaySignature.privateKey(account.privateKey()), charset);
        String xml = "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?><alipay><response>" + inner + "</response><sign>" + sign
                + "</sign><sign_type>RSA2</sign_type></alipay>";
        return Response.ok(xml.getBytes(charset)).type("text/xml; charset=" + charset.name()).build();
    }

    private static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "Unknown charset", "charset " + name + " is not supported"));
        }
    }

    /** Each value decoded in the charset the form names (Alipay sends GBK by default), so the signed text is exact. */
    static Map<String, String> form(byte[] body) {
        return FormBody.parse(body, raw -> charset(raw.containsKey("charset") ? new String(raw.get("charset"), StandardCharsets.US_ASCII) : null));
    }
}

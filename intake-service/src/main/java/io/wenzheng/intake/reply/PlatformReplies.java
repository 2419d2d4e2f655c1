package io.wenzheng.intake.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Sends one reply on one platform; a failure says why, and the delivery queue decides when to try again. */
@ApplicationScoped
public class PlatformReplies {
    private record Token(String value, Instant expiresAt) {
    }

    private final Map<String, Token> wechatTokens = new ConcurrentHashMap<>();

    @Inject
    IntakeConfig config;
    @Inject
    @RestClient
    PlatformApis.WeChat wechat;
    @Inject
    @RestClient
    PlatformApis.Weibo weibo;
    @Inject
    @RestClient
    PlatformApis.Sms sms;
    @Inject
    @RestClient
    PlatformApis.Alipay alipay;

    public static boolean canReach(Channel channel) {
        return channel == Channel.WECHAT || channel == Channel.WEIBO || channel == Channel.ALIPAY || channel == Channel.HOTLINE;
    }

    public Uni<Void> send(Channel channel, String account, String recipient, String text) {
        return switch (channel) {
            case WECHAT -> wechat(account, recipient, text);
            case WEIBO -> weibo(account, recipient, text);
            case ALIPAY -> alipay(account, recipient, text);
            case HOTLINE -> sms(recipient, text);
            default -> Uni.createFrom().failure(new IllegalStateException("no reply path for channel " + channel));
        };
    }

    /** 生活号 单发消息: a signed gateway call, and a signed answer that must verify before it counts. */
    private Uni<Void> alipay(String account, String userId, String text) {
        IntakeConfig.AlipayAccount a = config.alipayAccounts().get(account);
        if (a == null) {
            return Uni.createFrom().failure(new IllegalStateException("no Alipay account " + account));
        }
        var biz = EventJson.mapper().createObjectNode().put("to_user_id", userId).put("msg_type", "text");
        biz.putObject("text").put("content", text);
        Map<String, String> params = new java.util.TreeMap<>();
        params.put("app_id", a.appId());
        params.put("method", AlipayGateway.SEND_METHOD);
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", AlipayGateway.timestamp(Instant.now()));
        params.put("version", "1.0");
        params.put("biz_content", biz.toString());
        params.put("sign", AlipayGateway.sign(params, a));
        var form = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        params.forEach(form::putSingle);
        return alipay.call(form).invoke(body -> AlipayGateway.requireSuccess(body, a)).replaceWithVoid();
    }

    private Uni<Void> wechat(String account, String openid, String text) {
        IntakeConfig.WeChatAccount a = config.wechatAccounts().get(account);
        if (a == null || a.appSecret().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("WeChat account " + account + " has no app-secret for replies"));
        }
        var message = EventJson.mapper().createObjectNode().put("touser", openid).put("msgtype", "text");
        message.putObject("text").put("content", text);
        return token(account, a).chain(token -> wechat.send(token, message)).invoke(answer -> {
            int code = answer.path("errcode").asInt(0);
            if (code == 40001 || code == 42001) {
                wechatTokens.remove(account); // the token expired early: the next attempt fetches a new one
            }
            if (code != 0) {
                throw new IllegalStateException("WeChat refused: errcode " + code + " " + answer.path("errmsg").asText());
            }
        }).replaceWithVoid();
    }

    private Uni<String> token(String account, IntakeConfig.WeChatAccount a) {
        Token cached = wechatTokens.get(account);
        if (cached != null && cached.expiresAt().isAfter(Instant.now())) {
            return Uni.createFrom().item(cached.value());
        }
        return wechat.token("client_credential", a.appId(), a.appSecret().orElseThrow()).map(answer -> {
            if (!answer.hasNonNull("access_token")) {
                throw new IllegalStateException("WeChat token refused: errcode " + answer.path("errcode").asInt() + " "
                        + answer.path("errmsg").asText());
            }
            // Renewed five minutes early, so a token never expires in flight.
            long seconds = Math.max(60, answer.path("expires_in").asLong(7200) - 300);
            Token fresh = new Token(answer.get("access_token").asText(), Instant.now().plusSeconds(seconds));
            wechatTokens.put(account, fresh);
            return fresh.value();
        });
    }

    private Uni<Void> weibo(String account, String receiverId, String text) {
        IntakeConfig.WeiboAccount a = config.weiboAccounts().get(account);
        if (a == null || a.accessToken().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("Weibo account " + account + " has no access-token for replies"));
        }
        String data = EventJson.mapper().createObjectNode().put("text", text).toString();
        return weibo.reply(a.accessToken().get(), "text", data, receiverId).invoke(answer -> {
            if (answer.has("error_code")) {
                throw new IllegalStateException("Weibo refused: " + answer.path("error_code").asText() + " " + answer.path("error").asText());
            }
        }).replaceWithVoid();
    }

    private Uni<Void> sms(String phone, String text) {
        if (config.smsApiKey().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no SMS gateway configured (wenzheng.intake.sms-api-key)"));
        }
        JsonNode message = EventJson.mapper().createObjectNode().put("phone", phone).put("text", text);
        return sms.send(config.smsApiKey().get(), message).replaceWithVoid();
    }
}

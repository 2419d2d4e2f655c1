package io.wenzheng.intake.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The platforms' send APIs, as REST clients with base URLs from configuration. Each call times out, and a platform
 * that keeps failing trips its circuit breaker, so a dead platform costs one fast failure per delivery, not a
 * hang. Retrying is the delivery queue's job, because it must survive restarts.
 */
final class PlatformApis {
    private PlatformApis() {
    }

    @RegisterRestClient(configKey = "wechat-api")
    @Path("/cgi-bin")
    interface WeChat {
        @GET
        @Path("/token")
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
        Uni<JsonNode> token(@QueryParam("grant_type") String grantType, @QueryParam("appid") String appId,
                            @QueryParam("secret") String secret);

        /** 客服消息: a customer-service text message to one follower. */
        @POST
        @Path("/message/custom/send")
        @Consumes(MediaType.APPLICATION_JSON)
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
        Uni<JsonNode> send(@QueryParam("access_token") String accessToken, JsonNode message);
    }

    @RegisterRestClient(configKey = "weibo-api")
    @Path("/2/messages")
    interface Weibo {
        /** The fan-service reply to a private message. */
        @POST
        @Path("/reply.json")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
        Uni<JsonNode> reply(@FormParam("access_token") String accessToken, @FormParam("type") String type,
                            @FormParam("data") String data, @FormParam("receiver_id") String receiverId);
    }

    @RegisterRestClient(configKey = "alipay-gateway")
    interface Alipay {
        /**
         * Alipay's open-platform gateway; the form's {@code method} names the API. The answer is read as text, because
         * its signature covers the exact characters of the response object.
         */
        @POST
        @Path("/gateway.do")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
        Uni<String> call(jakarta.ws.rs.core.MultivaluedMap<String, String> form);
    }

    @RegisterRestClient(configKey = "sms-gateway")
    interface Sms {
        /** The city's SMS gateway, for hotline callers. */
        @POST
        @Path("/sms/send")
        @Consumes(MediaType.APPLICATION_JSON)
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
        Uni<JsonNode> send(@HeaderParam("X-Api-Key") String apiKey, JsonNode message);
    }
}

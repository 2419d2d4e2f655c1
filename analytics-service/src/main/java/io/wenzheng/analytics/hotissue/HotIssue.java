package io.wenzheng.analytics.hotissue;

import java.time.Instant;
import java.util.List;

/**
 * One hot issue (热点问题): the messages of many citizens about one problem at one place.
 *
 * @param title       the subject of the message nearest the issue's centre, as a citizen wrote it
 * @param place       where, or which group of people; null when the messages do not say
 * @param support     likes, where the channel shows them
 * @param messageIds  every message of the issue, the most representative first
 */
public record HotIssue(double heat, String title, Place place, Instant first, Instant last, int messages, int citizens,
                       int support, List<String> messageIds) {

    /**
     * The heat index: each different citizen counts 1, each repeat by a citizen already counted 0.2, and support
     * adds 0.5 per e-fold (ln(1 + likes)), so a thousand likes weigh as much as three or four more citizens.
     */
    public static double heatOf(int citizens, int messages, int support) {
        return citizens + 0.2 * (messages - citizens) + 0.5 * Math.log1p(support);
    }
}

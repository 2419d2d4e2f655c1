package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.wenzheng.analytics.hotissue.HotIssue;
import io.wenzheng.analytics.hotissue.HotIssueRanking;
import io.wenzheng.analytics.hotissue.HotIssueSettings;
import io.wenzheng.analytics.hotissue.Message;
import io.wenzheng.analytics.hotissue.Place;
import io.wenzheng.analytics.hotissue.PlaceFinder;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.PetitionReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hot issues for any period: each petition is analysed once at receipt (HanLP segmentation is the costly part),
 * and a period's ranking groups the stored analyses. People see tracking codes and subjects, never petition ids.
 */
@ApplicationScoped
public class HotIssueBoard {
    /** One of an issue's petitions as people see it. */
    public record Petition(String trackingCode, String subject, Instant receivedAt) {
    }

    /** A ranked hot issue, with every one of its petitions, the most representative first. */
    public record Row(int rank, double heat, String title, String place, Instant first, Instant last, int messages, int citizens,
                      int support, List<Petition> petitions) {
    }

    private final HotIssueRanking ranking;
    private final Vertx vertx;

    @Inject
    public HotIssueBoard(AnalyticsConfig config, Vertx vertx) {
        this.vertx = vertx;
        AnalyticsConfig.HotIssues h = config.hotIssues();
        this.ranking = new HotIssueRanking(new HotIssueSettings(h.similarity(), h.samePlace(), h.minimumCitizens(), h.quietGap()),
                new PlaceFinder(h.knownPlaces().orElse(Set.of())));
    }

    /**
     * HanLP loads its dictionaries and models on first use (about a second): done at start, off the consumers'
     * event loop, so the first petition is not held up.
     */
    void warmUp() {
        ranking.analyse(new Message("warm-up", null, "A1区示例小区路灯不亮", "小区门口的路灯坏了。", Instant.EPOCH, 0));
    }

    /** What ranking needs of a received petition; its place also names the petition's surge. */
    HotIssueRanking.Analysed analyse(PetitionReceived received) {
        // A hotline call has no subject: it is read by the opening of its text, as every list shows it.
        String subject = received.subject() == null || received.subject().isBlank()
                ? io.wenzheng.analytics.fact.FactFolding.title(null, received.text()) : received.subject();
        return ranking.analyse(new Message(received.petitionId(), digest(received.citizenRef()), subject,
                received.text() == null ? "" : received.text(), received.receivedAt(), 0));
    }

    /** The hot issues of petitions received in [from, to), hottest first; the grouping runs off the event loop. */
    public Uni<List<Row>> rank(Instant from, Instant to, int top) {
        return Panache.withSession(() -> HotspotDocument.<HotspotDocument>find(
                        "receivedAt >= ?1 and receivedAt < ?2 and words is not null order by receivedAt, petitionId", from, to).list())
                .chain(rows -> vertx.executeBlocking(() -> rows(rows, top)));
    }

    private List<Row> rows(List<HotspotDocument> documents, int top) {
        List<HotIssueRanking.Analysed> analysed = new ArrayList<>(documents.size());
        Map<String, HotspotDocument> byId = new HashMap<>();
        for (HotspotDocument d : documents) {
            byId.put(d.petitionId, d);
            Place place = d.placeName == null ? null : new Place(d.placeDistrict, d.placeName, d.placeGroup);
            analysed.add(new HotIssueRanking.Analysed(new Message(d.petitionId, d.citizen, d.subject, "", d.receivedAt, 0),
                    TextFeatures.decode(d.words), place, d.people));
        }
        List<HotIssue> issues = ranking.rankAnalysed(analysed);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < Math.min(top, issues.size()); i++) {
            HotIssue h = issues.get(i);
            List<Petition> petitions = h.messageIds().stream().map(byId::get)
                    .map(d -> new Petition(d.trackingCode, d.subject, d.receivedAt)).toList();
            out.add(new Row(i + 1, Math.round(h.heat() * 10) / 10.0, h.title(), h.place() == null ? null : h.place().display(), h.first(),
                    h.last(), h.messages(), h.citizens(), h.support(), petitions));
        }
        return out;
    }

    /** Equal for one citizen, and not the citizen's reference: analytics only needs to count citizens. */
    static String digest(String citizenRef) {
        if (citizenRef == null || citizenRef.isBlank()) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("wenzheng-citizen:" + citizenRef).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

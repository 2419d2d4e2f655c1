package io.wenzheng.analytics.hotspot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Online hotspot detection (热点发现). Each petition joins the most similar cluster (cosine over TF-IDF weighted
 * character bigrams, against the cluster's centroid) or starts one. A cluster is a surge when its petitions in the
 * recent window reach a minimum count and exceed its own baseline rate by a growth factor; a topic that is always
 * busy (parking fees, say) is therefore not a hotspot, while a new or suddenly louder one is. Time is the petitions'
 * own, so a replay on an accelerated clock finds what a live run would have found. Not thread-safe.
 */
public final class HotspotDetector {
    private static final int VECTOR_TERMS = 30;
    private static final int CENTROID_TERMS = 60;
    private static final int EXAMPLES = 5;

    private final HotspotSettings settings;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Deque<Document> remembered = new ArrayDeque<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    /** For each term, the clusters whose centroid has it and its weight there: a petition is scored only against those. */
    private final Map<String, Map<Cluster, Double>> postings = new HashMap<>();
    private int scoringRound;
    private int clustersMade;
    private final Set<String> rememberedIds = new HashSet<>();
    private final Map<String, Cluster> clusterOfPetition = new HashMap<>();
    private int documents;

    public HotspotDetector(HotspotSettings settings) {
        this.settings = settings;
    }

    /** Adds a petition; returns the surge it makes or grows, if any. Petitions must come in time order. */
    public Optional<Surge> observe(Document document) {
        if (!rememberedIds.add(document.petitionId())) {
            // Seen before: the consumer's inbox lets an event through only once per commit, so this is a retried
            // transaction, and the surge this petition announced, if any, was rolled back with it.
            Cluster joined = clusterOfPetition.get(document.petitionId());
            return joined != null && document.petitionId().equals(joined.announcedBy) ? Optional.of(joined.announced) : Optional.empty();
        }
        forgetBefore(document.receivedAt().minus(settings.horizon()));
        remembered.addLast(document);
        documents++;
        document.features().keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        Map<String, Double> vector = weigh(document.features());
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        Cluster cluster = nearest(vector).orElseGet(() -> {
            Cluster fresh = new Cluster(document.petitionId(), clustersMade++);
            clusters.put(fresh.id, fresh);
            return fresh;
        });
        unindex(cluster);
        cluster.add(document, vector);
        clusterOfPetition.put(document.petitionId(), cluster);
        index(cluster);
        return surge(cluster, document.receivedAt());
    }

    public int clusterCount() {
        return clusters.size();
    }

    private Map<String, Double> weigh(Map<String, Integer> features) {
        Map<String, Double> weights = new HashMap<>();
        features.forEach((term, count) -> {
            // log(1 + N/df) never reaches zero: in a quiet stream a surge's own words are in every document.
            double idf = Math.log(1.0 + (double) documents / documentFrequency.getOrDefault(term, 1));
            weights.put(term, (1 + Math.log(count)) * idf);
        });
        return normalise(top(weights, VECTOR_TERMS));
    }

    /**
     * The most similar cluster at or above the threshold; of equally similar ones, the oldest. The cosine is summed
     * through the postings of the petition's own terms, in the order of its vector, so a cluster sharing none of them
     * costs nothing (a common bigram is in thousands of centroids).
     */
    private Optional<Cluster> nearest(Map<String, Double> vector) {
        Cluster best = null;
        double bestSimilarity = settings.similarity();
        for (Cluster cluster : scored(vector)) {
            double similarity = cluster.score;
            if (similarity > bestSimilarity || similarity == bestSimilarity && (best == null || cluster.made < best.made)) {
                best = cluster;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The clusters sharing a term with the vector, each with its cosine to it in {@code score}. */
    private List<Cluster> scored(Map<String, Double> vector) {
        int round = ++scoringRound;
        List<Cluster> touched = new ArrayList<>();
        for (Map.Entry<String, Double> term : vector.entrySet()) {
            Map<Cluster, Double> withTerm = postings.get(term.getKey());
            if (withTerm == null) {
                continue;
            }
            double weight = term.getValue();
            for (Map.Entry<Cluster, Double> posting : withTerm.entrySet()) {
                Cluster cluster = posting.getKey();
                if (cluster.round != round) {
                    cluster.round = round;
                    cluster.score = 0;
                    touched.add(cluster);
                }
                cluster.score += weight * posting.getValue();
            }
        }
        return touched;
    }

    /** Each cluster sharing a term with the vector, by id, with its cosine to it: what {@link #nearest} chooses from. */
    Map<String, Double> similarities(Map<String, Double> vector) {
        Map<String, Double> out = new HashMap<>();
        scored(vector).forEach(cluster -> out.put(cluster.id, cluster.score));
        return out;
    }

    /** Every cluster's centroid, by id. */
    Map<String, Map<String, Double>> centroids() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        clusters.values().forEach(cluster -> out.put(cluster.id, cluster.centroid()));
        return out;
    }

    private Optional<Surge> surge(Cluster cluster, Instant now) {
        Instant recentFrom = now.minus(settings.window());
        List<Document> recent = cluster.members.stream().filter(d -> d.receivedAt().isAfter(recentFrom)).toList();
        long baseline = cluster.members.size() - recent.size();
        double expected = (double) baseline / settings.baselineWindows();
        double growth = recent.size() / Math.max(expected, 1.0);
        boolean surging = recent.size() >= settings.minimumCount() && growth >= settings.minimumGrowth();
        // Announce a surge once, and again only when it has grown by half since.
        if (!surging || recent.size() < cluster.announcedCount * 1.5) {
            return Optional.empty();
        }
        cluster.announcedCount = recent.size();
        List<String> examples = recent.stream().map(Document::petitionId).limit(EXAMPLES).toList();
        cluster.announcedBy = recent.get(recent.size() - 1).petitionId();
        cluster.announced = new Surge(cluster.id, Labels.of(cluster.centroid()), mostCommonPlace(recent),
                recent.get(0).receivedAt(), recent.get(recent.size() - 1).receivedAt(), recent.size(),
                Math.round(expected * 100) / 100.0, Math.round(growth * 100) / 100.0, examples);
        return Optional.of(cluster.announced);
    }

    private static String mostCommonPlace(List<Document> documents) {
        Map<String, Long> places = documents.stream().filter(d -> d.place() != null)
                .collect(Collectors.groupingBy(Document::place, Collectors.counting()));
        return places.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .filter(e -> e.getValue() * 3 >= documents.size()).map(Map.Entry::getKey).orElse(null);
    }

    /** Forgets what fell out of the horizon; each petition is forgotten once, so the cost follows the stream, not the clusters. */
    private void forgetBefore(Instant horizon) {
        while (!remembered.isEmpty() && remembered.peekFirst().receivedAt().isBefore(horizon)) {
            Document old = remembered.removeFirst();
            rememberedIds.remove(old.petitionId());
            documents--;
            old.features().keySet().forEach(term -> documentFrequency.computeIfPresent(term, (t, n) -> n > 1 ? n - 1 : null));
            Cluster cluster = clusterOfPetition.remove(old.petitionId());
            if (cluster != null) {
                cluster.members.removeIf(member -> member == old); // usually the first: members join in time order
                if (cluster.members.isEmpty()) {
                    unindex(cluster);
                    clusters.remove(cluster.id);
                }
            }
        }
    }

    private void index(Cluster cluster) {
        cluster.centroid().forEach((term, weight) -> postings.computeIfAbsent(term, t -> new HashMap<>()).put(cluster, weight));
        cluster.indexedTerms = Set.copyOf(cluster.centroid().keySet());
    }

    private void unindex(Cluster cluster) {
        for (String term : cluster.indexedTerms) {
            Map<Cluster, Double> withTerm = postings.get(term);
            if (withTerm != null) {
                withTerm.remove(cluster);
                if (withTerm.isEmpty()) {
                    postings.remove(term);
                }
            }
        }
        cluster.indexedTerms = Set.of();
    }

    static Map<String, Double> top(Map<String, Double> weights, int n) {
        if (weights.size() <= n) {
            return weights;
        }
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static Map<String, Double> normalise(Map<String, Double> weights) {
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm == 0) {
            return Map.of();
        }
        Map<String, Double> unit = new HashMap<>();
        weights.forEach((t, w) -> unit.put(t, w / norm));
        return unit;
    }

    /** Similar petitions and the sum of their vectors. */
    private static final class Cluster {
        final String id;
        /** The how-manieth cluster this is: the older of two equally similar clusters is joined. */
        final int made;
        final Deque<Document> members = new ArrayDeque<>();
        final Map<String, Double> sum = new HashMap<>();
        Map<String, Double> centroid = Map.of();
        Set<String> indexedTerms = Set.of();
        int announcedCount;
        /** The last surge announced, and the petition that made it: announced again if that petition's transaction is retried. */
        Surge announced;
        String announcedBy;
        /** Scratch for {@link #scored}: the round that last scored this cluster, and its cosine then. */
        int round;
        double score;

        Cluster(String firstPetitionId, int made) {
            this.id = "hs-" + firstPetitionId;
            this.made = made;
        }

        void add(Document document, Map<String, Double> vector) {
            members.addLast(document);
            vector.forEach((t, w) -> sum.merge(t, w, Double::sum));
            if (sum.size() > CENTROID_TERMS * 4) {
                Map<String, Double> kept = top(sum, CENTROID_TERMS * 2);
                sum.keySet().retainAll(kept.keySet());
            }
            centroid = normalise(top(sum, CENTROID_TERMS));
        }

        Map<String, Double> centroid() {
            return centroid;
        }
    }

    /** Top centroid bigrams, joined where they overlap into the words they came from ("魅力"+"力之"+"之城" → "魅力之城"). */
    static final class Labels {
        private static final int TERMS = 24;
        private static final int LABELS = 4;

        static List<String> of(Map<String, Double> centroid) {
            List<String> terms = centroid.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TERMS).map(Map.Entry::getKey).collect(Collectors.toCollection(ArrayList::new));
            List<String> labels = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (String term : terms) {
                if (used.contains(term)) {
                    continue;
                }
                used.add(term);
                StringBuilder word = new StringBuilder(term);
                extend(word, terms, used, true);
                extend(word, terms, used, false);
                labels.add(word.toString());
                if (labels.size() == LABELS) {
                    break;
                }
            }
            return labels;
        }

        /** Grows the word one character at a time while exactly one unused term continues it: "区" may go on as "区魅" or "区临", so it stops there. */
        private static void extend(StringBuilder word, List<String> terms, Set<String> used, boolean right) {
            while (word.length() < 12) {
                char edge = right ? word.charAt(word.length() - 1) : word.charAt(0);
                List<String> next = terms.stream().filter(t -> t.length() == 2 && !used.contains(t)
                        && (right ? t.charAt(0) == edge : t.charAt(1) == edge)).toList();
                if (next.size() != 1) {
                    return;
                }
                String t = next.get(0);
                used.add(t);
                if (right) {
                    word.append(t.charAt(1));
                } else {
                    word.insert(0, t.charAt(0));
                }
            }
        }
    }

    /** Orders documents for a replay. */
    public static final Comparator<Document> IN_TIME_ORDER = Comparator.comparing(Document::receivedAt).thenComparing(Document::petitionId);
}

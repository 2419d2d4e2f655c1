package io.wenzheng.analytics.hotissue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the hot issues of a period. Messages are compared by the TF-IDF cosine of their words (subject words
 * count twice). Two messages about the same place join when the words of their problems (the place's own name
 * left out) are similar enough; two that name different places never join, because the same problem at two
 * estates is two issues; the others join on all their words, at a higher similarity. Joins are made strongest first, and two groups merge only while their centres stay as similar as the
 * join asks, so a chain of pairwise neighbours does not drift into one big issue. Every issue with enough
 * different citizens is ranked by {@link HotIssue#heatOf}.
 */
public final class HotIssueRanking {
    private static final Set<String> STOP = Set.of("投诉", "反映", "举报", "咨询", "请求", "建议", "希望", "要求", "问题", "领导",
            "政府", "部门", "解决", "尽快", "相关", "有关", "情况", "您好", "尊敬", "市长", "书记", "处理", "进行", "没有", "已经", "现在",
            "我们", "目前", "存在", "关于", "能否", "是否", "为什么", "怎么", "如何", "谢谢", "恳请", "呼吁", "严重", "强烈", "一下", "可以",
            "市民", "群众", "百姓", "老百姓", "领导们", "您们", "你们", "他们", "自己", "这个", "那个", "时间", "今年", "去年");
    private static final int BODY_CHARACTERS = 300;
    private static final String CHARACTER = "\u0001";
    /** A word in more than this share of messages says nothing about which issue a message belongs to. */
    private static final double COMMON_WORD_SHARE = 0.05;
    /** How far a merged group's centres may fall below the join's own threshold. */
    private static final double CENTRE_SLACK = 0.8;

    private final HotIssueSettings settings;
    private final PlaceFinder places;

    public HotIssueRanking(HotIssueSettings settings, PlaceFinder places) {
        this.settings = settings;
        this.places = places;
    }

    /** What ranking learnt of one message: its words, place and group of people. */
    public record Analysed(Message message, Map<String, Integer> words, Place place, String group) {

        /**
         * What the problem is: the words, but those of the place's own name, and their characters, so that two
         * wordings of one problem ("餐馆油烟", "饭店油烟"; "噪音", "噪声") still meet.
         */
        Map<String, Integer> problemFeatures() {
            Map<String, Integer> problem = new HashMap<>();
            words.forEach((w, n) -> {
                if (place == null || place.group() || !place.name().contains(w) && !w.equals("小区") && !w.equals("社区")) {
                    problem.merge(w, n, Integer::sum);
                    w.codePoints().forEach(c -> problem.merge(CHARACTER + Character.toString(c), n, Integer::sum));
                }
            });
            return problem;
        }
    }

    public List<HotIssue> rank(List<Message> messages) {
        List<Analysed> analysed = new ArrayList<>(messages.size());
        messages.forEach(m -> analysed.add(analyse(m)));
        return rankAnalysed(analysed);
    }

    public Analysed analyse(Message m) {
        Map<String, Integer> words = new HashMap<>();
        String head = m.body().length() <= BODY_CHARACTERS ? m.body() : m.body().substring(0, BODY_CHARACTERS);
        List<List<Words.Token>> subjectPieces = Words.pieces(m.subject());
        List<List<Words.Token>> bodyPieces = Words.pieces(head);
        addWords(words, subjectPieces, 2);
        addWords(words, bodyPieces, 1);
        Place place = places.find(m.subject(), subjectPieces, head, bodyPieces).orElse(null);
        String group = PlaceFinder.group(m.subject() + " " + m.body()).orElse(null);
        return new Analysed(m, words, place, group);
    }

    private static void addWords(Map<String, Integer> words, List<List<Words.Token>> pieces, int weight) {
        for (List<Words.Token> piece : pieces) {
            for (Words.Token t : piece) {
                if (t.text().length() >= 2 && keeps(t.nature()) && !STOP.contains(t.text())) {
                    words.merge(t.text(), weight, Integer::sum);
                }
            }
        }
    }

    private static boolean keeps(String nature) {
        char c = nature.isEmpty() ? 'x' : nature.charAt(0);
        return c == 'n' && !nature.equals("nx") || c == 'v' || c == 'a' || c == 'j' || c == 'b' || c == 'l' || c == 'i' || c == 'g';
    }

    public List<HotIssue> rankAnalysed(List<Analysed> analysed) {
        int n = analysed.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        analysed.forEach(a -> a.words().keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum)));
        List<Map<String, Integer>> problemFeatures = new ArrayList<>(n);
        Map<String, Integer> problemFrequency = new HashMap<>();
        for (Analysed a : analysed) {
            Map<String, Integer> features = a.problemFeatures();
            problemFeatures.add(features);
            features.keySet().forEach(f -> problemFrequency.merge(f, 1, Integer::sum));
        }
        List<Map<String, Double>> vectors = new ArrayList<>(n);
        List<Map<String, Double>> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vectors.add(vector(analysed.get(i).words(), documentFrequency, n));
            problems.add(vector(problemFeatures.get(i), problemFrequency, n));
        }
        List<Join> joins = joins(analysed, vectors, problems, documentFrequency);
        joins.sort(Comparator.comparingDouble(Join::similarity).reversed().thenComparingInt(Join::a).thenComparingInt(Join::b));

        int[] parent = new int[n];
        Map<Integer, Map<String, Double>> centres = new HashMap<>();
        Map<Integer, List<Place>> placesOf = new HashMap<>();
        double[] centreNorm = new double[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            placesOf.put(i, analysed.get(i).place() == null || analysed.get(i).place().group() ? new ArrayList<>()
                    : new ArrayList<>(List.of(analysed.get(i).place())));
            centres.put(i, new HashMap<>(vectors.get(i)));
            centreNorm[i] = TermVectors.norm(vectors.get(i));
        }
        for (Join j : joins) {
            int ra = root(parent, j.a());
            int rb = root(parent, j.b());
            if (ra == rb) {
                continue;
            }
            Map<String, Double> ca = centres.get(ra);
            Map<String, Double> cb = centres.get(rb);
            double centreSimilarity = centreNorm[ra] == 0 || centreNorm[rb] == 0 ? 0 : TermVectors.dot(ca, cb) / (centreNorm[ra] * centreNorm[rb]);
            if (centreSimilarity < j.threshold() * CENTRE_SLACK || !placesAgree(placesOf.get(ra), placesOf.get(rb))) {
                continue;
            }
            if (ca.size() < cb.size()) {
                int swap = ra;
                ra = rb;
                rb = swap;
                ca = cb;
            }
            parent[rb] = ra;
            placesOf.get(ra).addAll(placesOf.remove(rb));
            Map<String, Double> merged = ca;
            centres.remove(rb).forEach((w, x) -> merged.merge(w, x, Double::sum));
            centreNorm[ra] = TermVectors.norm(merged);
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<HotIssue> issues = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            describe(g.getValue(), analysed, vectors, centres.get(g.getKey())).ifPresent(issues::add);
        }
        issues.sort(Comparator.comparingDouble(HotIssue::heat).reversed().thenComparing(Comparator.comparingInt(HotIssue::messages).reversed())
                .thenComparing(HotIssue::first).thenComparing(HotIssue::title));
        return issues;
    }

    /** Two messages similar enough to join, and the threshold their places asked of them. */
    private record Join(int a, int b, double similarity, double threshold) {
    }

    /** Every pair similar enough to join, found through the words they share. */
    private List<Join> joins(List<Analysed> analysed, List<Map<String, Double>> vectors, List<Map<String, Double>> problems,
                             Map<String, Integer> documentFrequency) {
        int n = analysed.size();
        int commonAbove = Math.max(20, (int) (COMMON_WORD_SHARE * n));
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String w : vectors.get(i).keySet()) {
                if (documentFrequency.get(w) <= commonAbove) {
                    lists.computeIfAbsent(w, x -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>();
        lists.forEach((w, list) -> postings.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = analysed.get(i).message().time().getEpochSecond();
        }
        long gap = settings.quietGap().getSeconds();
        Map<String, Integer> ids = new HashMap<>();
        Sparse[] vectorArrays = new Sparse[n];
        Sparse[] problemArrays = new Sparse[n];
        for (int i = 0; i < n; i++) {
            vectorArrays[i] = Sparse.of(vectors.get(i), ids);
            problemArrays[i] = Sparse.of(problems.get(i), ids);
        }
        int[] seenBy = new int[n];
        int[] candidates = new int[n];
        List<Join> joins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int candidateCount = 0;
            long ti = times[i];
            for (String w : vectors.get(i).keySet()) {
                int[] list = postings.get(w);
                if (list != null) {
                    for (int j : list) {
                        if (j > i && seenBy[j] != i + 1 && Math.abs(times[j] - ti) <= gap) {
                            seenBy[j] = i + 1;
                            candidates[candidateCount++] = j;
                        }
                    }
                }
            }
            Place pi = analysed.get(i).place();
            for (int c = 0; c < candidateCount; c++) {
                int j = candidates[c];
                Place pj = analysed.get(j).place();
                if (aboutOnePlace(analysed.get(i), analysed.get(j))) {
                    double s = problemArrays[i].dot(problemArrays[j]);
                    if (s >= settings.samePlace()) {
                        joins.add(new Join(i, j, s, settings.samePlace()));
                    }
                    continue;
                }
                if (pi != null && pj != null) {
                    continue;
                }
                double s = vectorArrays[i].dot(vectorArrays[j]);
                if (s >= settings.similarity()) {
                    joins.add(new Join(i, j, s, settings.similarity()));
                }
            }
        }
        return joins;
    }

    private Optional<HotIssue> describe(List<Integer> members, List<Analysed> analysed, List<Map<String, Double>> vectors,
                                        Map<String, Double> centre) {
        Set<String> citizens = new HashSet<>();
        int support = 0;
        Instant first = null;
        Instant last = null;
        for (int i : members) {
            Message m = analysed.get(i).message();
            citizens.add(m.citizenOrSelf());
            support += m.likes();
            first = first == null || m.time().isBefore(first) ? m.time() : first;
            last = last == null || m.time().isAfter(last) ? m.time() : last;
        }
        if (citizens.size() < settings.minimumCitizens() || members.size() < 2) {
            return Optional.empty();
        }
        List<Integer> byCloseness = new ArrayList<>(members);
        Map<Integer, Double> closeness = new HashMap<>();
        for (int i : members) {
            closeness.put(i, TermVectors.dot(vectors.get(i), centre));
        }
        byCloseness.sort(Comparator.comparingDouble((Integer i) -> closeness.get(i)).reversed()
                .thenComparing(i -> analysed.get(i).message().time()));
        List<String> ids = byCloseness.stream().map(i -> analysed.get(i).message().id()).toList();
        String title = analysed.get(byCloseness.get(0)).message().subject().strip();
        return Optional.of(new HotIssue(HotIssue.heatOf(citizens.size(), members.size(), support), title,
                placeOf(members, analysed), first, last, members.size(), citizens.size(), support, ids));
    }

    /** The place most of the issue's messages name; failing that, the group of people most of them name. */
    private static Place placeOf(List<Integer> members, List<Analysed> analysed) {
        // A place's votes are the members naming it however written ("恒大城", "恒大城小区"); the fullest spelling shows.
        List<Place> named = new ArrayList<>();
        members.forEach(i -> Optional.ofNullable(analysed.get(i).place()).filter(p -> !p.group()).ifPresent(named::add));
        Map<String, Integer> keyVotes = new HashMap<>();
        Map<String, Place> longest = new HashMap<>();
        for (Place p : named) {
            keyVotes.put(p.key(), (int) named.stream().filter(p::sameAs).count());
            longest.merge(p.key(), p, (a, b) -> b.name().length() > a.name().length() || a.district() == null && b.district() != null ? b : a);
        }
        Optional<Map.Entry<String, Integer>> bestPlace = keyVotes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        if (bestPlace.isPresent() && bestPlace.get().getValue() * 3 >= members.size()
                && (bestPlace.get().getValue() >= 2 || members.size() == 2)) {
            return longest.get(bestPlace.get().getKey());
        }
        Map<String, Integer> groupVotes = new HashMap<>();
        members.forEach(i -> Optional.ofNullable(analysed.get(i).group()).ifPresent(g -> groupVotes.merge(g, 1, Integer::sum)));
        Optional<Map.Entry<String, Integer>> bestGroup = groupVotes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        if (bestGroup.isPresent() && bestGroup.get().getValue() * 2 >= members.size()) {
            return new Place(null, bestGroup.get().getKey(), true);
        }
        return bestPlace.filter(e -> e.getValue() >= 2 || members.size() == 2).map(e -> longest.get(e.getKey())).orElse(null);
    }

    private static Map<String, Double> vector(Map<String, Integer> words, Map<String, Integer> documentFrequency, int n) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            double x = (1 + Math.log(e.getValue())) * (Math.log((n + 1.0) / (documentFrequency.get(e.getKey()) + 1.0)) + 1);
            v.put(e.getKey(), x);
            norm += x * x;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            v.replaceAll((w, x) -> x / length);
        }
        return v;
    }

    /** A vector as word ids in ascending order with their weights: a pair's dot product is one merge, no hashing. */
    private record Sparse(int[] ids, double[] weights) {
        static Sparse of(Map<String, Double> vector, Map<String, Integer> ids) {
            int[] keys = new int[vector.size()];
            int k = 0;
            for (String w : vector.keySet()) {
                keys[k++] = ids.computeIfAbsent(w, x -> ids.size());
            }
            java.util.Arrays.sort(keys);
            Map<Integer, Double> byId = new HashMap<>();
            vector.forEach((w, x) -> byId.put(ids.get(w), x));
            double[] weights = new double[keys.length];
            for (int i = 0; i < keys.length; i++) {
                weights[i] = byId.get(keys[i]);
            }
            return new Sparse(keys, weights);
        }

        double dot(Sparse other) {
            double sum = 0;
            int a = 0;
            int b = 0;
            while (a < ids.length && b < other.ids.length) {
                if (ids[a] == other.ids[b]) {
                    sum += weights[a++] * other.weights[b++];
                } else if (ids[a] < other.ids[b]) {
                    a++;
                } else {
                    b++;
                }
            }
            return sum;
        }
    }

    /** Both name one place, or one names a place the other's subject mentions though its finder missed it. */
    private static boolean aboutOnePlace(Analysed a, Analysed b) {
        Place pa = a.place();
        Place pb = b.place();
        if (pa != null && pb != null) {
            return pa.sameAs(pb);
        }
        return pa != null ? pa.namedIn(b.message().subject()) : pb != null && pb.namedIn(a.message().subject());
    }

    /** Two groups that each name places are one issue only if they name a place in common: no chain through unnamed ones. */
    private static boolean placesAgree(List<Place> a, List<Place> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (Place x : a) {
            for (Place y : b) {
                if (x.sameAs(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

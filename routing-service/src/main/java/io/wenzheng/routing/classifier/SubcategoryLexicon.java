package io.wenzheng.routing.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Level-2 categories (二级分类) where the text names one. No labelled data has level 2, so this is no trained model:
 * each level-2 category of the official tree is known by cues, words taken from its own name and the names of its
 * level-3 categories, and a petition gets the level-2 category under its level-1 one whose cues it uses most. A
 * petition that uses none gets no level 2.
 *
 * <p>Cues are the names themselves (城市建设, 燃气供应) and their leading or trailing two characters when few names of the
 * tree share those (燃气, but not 管理). Cues that petitions of the level 1 use everywhere (环保 in environmental
 * petitions, 工作 in all) tell level-2 categories apart no better than chance and are dropped with the labelled data.
 */
public final class SubcategoryLexicon {
    private static final String RESOURCE = "/model/subcategories.tsv";
    private static final String OTHER = "其他";
    /** A two-character head is a cue only if at most this many names of the tree contain it. */
    private static final int DISTINCTIVE = 2;

    /** The level-2 category a text names, with the cues that named it. */
    public record Subcategory(String name, List<String> matchedTerms) {
    }

    private record Entry(String name, List<String> cues) {
    }

    private final Map<String, List<Entry>> byCategory;

    private SubcategoryLexicon(Map<String, List<Entry>> byCategory) {
        this.byCategory = byCategory;
    }

    /** From the taxonomy's rows (level 1, level 2, level 3), before generic cues are dropped. */
    public static SubcategoryLexicon fromTaxonomy(List<String[]> rows) {
        Map<String, Map<String, Set<String>>> tree = new LinkedHashMap<>();
        for (String[] row : rows) {
            if (row.length < 2 || row[1].isBlank() || row[1].equals(OTHER)) {
                continue;
            }
            Set<String> names = tree.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).computeIfAbsent(row[1], k -> new LinkedHashSet<>());
            names.addAll(split(row[1]));
            if (row.length > 2 && !row[2].isBlank()) {
                names.addAll(split(row[2]));
            }
        }
        Map<String, Integer> spread = new HashMap<>();
        tree.values().forEach(level2s -> level2s.values().forEach(names -> names.forEach(name -> {
            Set<String> bigrams = new LinkedHashSet<>();
            for (int i = 0; i + 2 <= name.length(); i++) {
                bigrams.add(name.substring(i, i + 2));
            }
            bigrams.forEach(b -> spread.merge(b, 1, Integer::sum));
        })));
        Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
        tree.forEach((level1, level2s) -> byCategory.put(level1, level2s.entrySet().stream().map(e -> {
            Set<String> cues = new LinkedHashSet<>();
            for (String name : e.getValue()) {
                cues.add(name);
                if (name.length() >= 4) {
                    for (String head : List.of(name.substring(0, 2), name.substring(name.length() - 2))) {
                        if (spread.getOrDefault(head, 0) <= DISTINCTIVE) {
                            cues.add(head);
                        }
                    }
                }
            }
            return new Entry(e.getKey(), List.copyOf(cues));
        }).toList()));
        return new SubcategoryLexicon(byCategory);
    }

    /**
     * Drops cues that cannot tell level-2 categories apart: used by more than {@code maxInCategory} of the labelled
     * petitions of their level 1, or by more than {@code maxOverall} of all.
     *
     * @param textsByCategory labelled petitions' texts, by their level-1 category
     */
    public SubcategoryLexicon withoutGenericCues(Map<String, List<String>> textsByCategory, double maxInCategory, double maxOverall) {
        int total = textsByCategory.values().stream().mapToInt(List::size).sum();
        Map<String, List<Entry>> kept = new LinkedHashMap<>();
        byCategory.forEach((level1, entries) -> {
            List<String> own = textsByCategory.getOrDefault(level1, List.of());
            kept.put(level1, entries.stream().map(e -> new Entry(e.name(), e.cues().stream().filter(cue ->
                    share(cue, own) <= maxInCategory && (double) count(cue, textsByCategory) / Math.max(1, total) <= maxOverall).toList()))
                    .filter(e -> !e.cues().isEmpty()).toList());
        });
        return new SubcategoryLexicon(kept);
    }

    private static double share(String cue, List<String> texts) {
        return texts.isEmpty() ? 0 : (double) texts.stream().filter(t -> t.contains(cue)).count() / texts.size();
    }

    private static long count(String cue, Map<String, List<String>> textsByCategory) {
        return textsByCategory.values().stream().flatMap(List::stream).filter(t -> t.contains(cue)).count();
    }

    /** 城市建设和市政管理 is two things: 城市建设, 市政管理. */
    private static List<String> split(String name) {
        return Arrays.stream(name.split("[和与及、/（）()]")).map(String::strip)
                .filter(s -> s.length() >= 2 && !s.contains(OTHER)).toList();
    }

    /** The level-2 category of a text under its level-1 one; empty when it names none, or the level 1 has no tree. */
    public Optional<Subcategory> match(String category, String text) {
        List<Entry> entries = byCategory.get(category);
        if (entries == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        Subcategory best = null;
        int bestScore = 0;
        for (Entry entry : entries) {
            List<String> matched = new ArrayList<>();
            int score = 0;
            for (String cue : entry.cues()) {
                if (text.contains(cue)) {
                    matched.add(cue);
                    score += cue.length();
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = new Subcategory(entry.name(), List.copyOf(matched));
            }
        }
        return Optional.ofNullable(best);
    }

    public Set<String> categories() {
        return byCategory.keySet();
    }

    public int size() {
        return byCategory.values().stream().mapToInt(List::size).sum();
    }

    public int cueCount() {
        return byCategory.values().stream().flatMap(List::stream).mapToInt(e -> e.cues().size()).sum();
    }

    /** The bundled lexicon (written by {@code ./wenzheng train} from the taxonomy); empty when the build has none. */
    public static SubcategoryLexicon bundled() {
        try (InputStream in = SubcategoryLexicon.class.getResourceAsStream(RESOURCE)) {
            return in == null ? fromTaxonomy(List.of()) : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the artefact: {@code level1<TAB>level2<TAB>cue|cue|...}, with # comments. */
    public static SubcategoryLexicon read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            byCategory.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Entry(f[1], List.of(f[2].split("\\|"))));
        }
        return new SubcategoryLexicon(byCategory);
    }

    /** Writes the artefact for the given level-1 categories only: the ones the classifier knows. */
    public void write(Writer out, Set<String> level1s) throws IOException {
        out.write("# Level-2 categories and the cues that name them, derived by ./wenzheng train from the official category tree\n"
                + "# and the labelled petitions (cues every petition of a category uses are dropped).\n");
        for (var e : byCategory.entrySet()) {
            if (!level1s.contains(e.getKey())) {
                continue;
            }
            for (Entry entry : e.getValue()) {
                out.write(e.getKey() + "\t" + entry.name() + "\t" + String.join("|", entry.cues()) + "\n");
            }
        }
        out.flush();
    }
}

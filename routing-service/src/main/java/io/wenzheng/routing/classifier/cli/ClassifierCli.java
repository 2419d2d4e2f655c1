package io.wenzheng.routing.classifier.cli;

import io.wenzheng.routing.classifier.CategoryModel;
import io.wenzheng.routing.classifier.CategoryTrainer;
import io.wenzheng.routing.classifier.RatioWeightedSvmTrainer;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.CrossValidation;
import io.wenzheng.routing.classifier.EvaluationReport;
import io.wenzheng.routing.classifier.LabelledPetition;
import io.wenzheng.cli.Cli;
import io.wenzheng.cli.Cli.Opt;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classifier's command line, behind {@code ./wenzheng train} and {@code ./wenzheng classify}. Needs no running
 * service: plain Java over the model file.
 */
public final class ClassifierCli {
    private ClassifierCli() {
    }

    private static final String LABELLED = "../shared/data/petitions-labelled.tsv";

    public static void main(String[] args) {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "classify" -> {
                var o = Cli.options("wenzheng classify", "TSV on stdin (header id, subject, body; other columns ignored) -> "
                        + "id, category, confidence on stdout. Needs no running service.", rest,
                        Opt.of("model", String.class, null, "a model file (default: the one built into routing-service)"));
                Cli.guard("wenzheng classify", () -> classify(System.in, System.out, loadModel(o.get("model"))));
            }
            case "train" -> {
                var o = Cli.options("wenzheng train", "Train the category classifier, cross-validate it (twin-aware), write the "
                        + "model and the report.", rest,
                        Opt.of("data", String.class, LABELLED, "labelled petitions, TSV"),
                        Opt.of("model", String.class, "routing-service/src/main/resources/model/category-model.bin.gz", "where the model goes"),
                        Opt.of("report", String.class, "docs/classifier.md", "where the report goes"),
                        Opt.of("folds", int.class, "5", "cross-validation folds"));
                Cli.guard("wenzheng train", () -> train(Path.of(o.get("data")), Path.of(o.get("model")), Path.of(o.get("report")),
                        Integer.parseInt(o.get("folds"))));
            }
            case "subcategories" -> {
                var o = Cli.options("wenzheng subcategories", "The level-2 lexicon from the category tree, its coverage, and a "
                        + "sample to check.", rest,
                        Opt.of("taxonomy", String.class, "../shared/data/taxonomy.tsv", "the category tree, TSV"),
                        Opt.of("data", String.class, LABELLED, "labelled petitions, TSV"),
                        Opt.of("out", String.class, "routing-service/src/main/resources/model/subcategories.tsv", "where the lexicon goes"),
                        Opt.of("sample", int.class, "30", "petitions to print for a reader to check"));
                Cli.guard("wenzheng subcategories", () -> subcategories(Path.of(o.get("taxonomy")), Path.of(o.get("data")),
                        Path.of(o.get("out")), Integer.parseInt(o.get("sample"))));
            }
            case "ensemble" -> {
                var o = Cli.options("wenzheng ensemble", "Cross-validate an average of models of different settings.", rest,
                        Opt.of("data", String.class, LABELLED, "labelled petitions, TSV"),
                        Opt.of("split", String.class, "twins", "twins (near-duplicates kept in one fold) or leaky"),
                        Opt.of("members", String.class, "3:1,3:2,3:3", "max-n:seed of each member"));
                Cli.guard("wenzheng ensemble", () -> ensemble(Path.of(o.get("data")), o.get("split"), o.get("members")));
            }
            case "experiment" -> {
                CategoryTrainer.Settings d = CategoryTrainer.Settings.defaults();
                var o = Cli.options("wenzheng experiment", "Cross-validate other settings; writes nothing.", rest,
                        Opt.of("data", String.class, LABELLED, "labelled petitions, TSV"),
                        Opt.of("split", String.class, "twins", "twins (near-duplicates kept in one fold) or leaky"),
                        Opt.of("min-df", int.class, String.valueOf(d.minDocumentFrequency()), "fewest documents a feature must occur in"),
                        Opt.of("epochs", int.class, String.valueOf(d.epochs()), "training epochs"),
                        Opt.of("lr", double.class, String.valueOf(d.learningRate()), "learning rate"),
                        Opt.of("l2", double.class, String.valueOf(d.l2()), "L2 regularisation"),
                        Opt.of("max-n", int.class, String.valueOf(d.maxN()), "longest character n-gram"),
                        Opt.of("class-balance", double.class, String.valueOf(d.classBalance()), "weight towards rare classes"),
                        Opt.of("runs", int.class, String.valueOf(d.averagedRuns()), "models averaged"),
                        Opt.of("self-train", double.class, "0", "share of unlabelled petitions added by self-training"),
                        Opt.flag("words", "HanLP's words as features beside the character n-grams"),
                        Opt.of("nb-mix", double.class, String.valueOf(d.naiveBayesMix()), "share of a naive Bayes model blended into the weights"));
                CategoryTrainer.Settings settings = new CategoryTrainer.Settings(Integer.parseInt(o.get("min-df")),
                        Integer.parseInt(o.get("epochs")), Double.parseDouble(o.get("lr")), Double.parseDouble(o.get("l2")), d.seed(),
                        Integer.parseInt(o.get("max-n")), Double.parseDouble(o.get("class-balance")), Integer.parseInt(o.get("runs")),
                        o.has("words") || d.words(), Double.parseDouble(o.get("nb-mix")));
                Cli.guard("wenzheng experiment", () -> experiment(Path.of(o.get("data")), o.get("split"), settings,
                        Double.parseDouble(o.get("self-train"))));
            }
            case "curve" -> {
                var o = Cli.options("wenzheng curve", "Accuracy after 0, 100 and 500 operator corrections.", rest,
                        Opt.of("data", String.class, LABELLED, "labelled petitions, TSV"),
                        Opt.of("rate", double.class, "0.1", "learning rate of the online updates"));
                Cli.guard("wenzheng curve", () -> curve(Path.of(o.get("data")), Double.parseDouble(o.get("rate"))));
            }
            case "bench" -> {
                var o = Cli.options("wenzheng classify-bench", "Model load time, inference latency and throughput.", rest,
                        Opt.of("data", String.class, "../shared/data/petitions-unlabelled.tsv", "petitions to classify, TSV"),
                        Opt.of("model", String.class, null, "a model file (default: the one built into routing-service)"));
                Cli.guard("wenzheng classify-bench", () -> bench(Path.of(o.get("data")), o.get("model")));
            }
            case "--help", "-h", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println("wenzheng classifier: unknown command '" + command + "'");
                System.err.println(USAGE);
                System.exit(Cli.USAGE);
            }
        }
    }

    private static final String USAGE = """
            usage: the classifier's commands, each with --help:
              classify        TSV on stdin (header id, subject, body) -> id, category, confidence on stdout
              train           train, cross-validate, write the model and docs/classifier.md
              subcategories   the level-2 lexicon from the category tree
              bench           load time, latency and throughput (./wenzheng classify-bench)
              curve           accuracy after operator corrections
              ensemble        cross-validate an average of models
              experiment      cross-validate other settings; writes nothing""";

    /** Reads {@code id, subject, body} TSV (extra columns ignored) and writes {@code id, category, confidence}. */
    public static void classify(InputStream input, OutputStream output, CategoryModel model) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (header == null) {
            out.flush();
            return;
        }
        List<String> columns = Arrays.asList(header.split("\t", -1));
        int id = columns.indexOf("id");
        int subject = columns.indexOf("subject");
        int body = columns.indexOf("body");
        if (id < 0 || body < 0) {
            throw new IllegalArgumentException("the header must name the columns id, subject and body; it was: " + header);
        }
        out.write("id\tcategory\tconfidence\n");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Classification c = model.classify(subject >= 0 && subject < f.length ? f[subject] : "", body < f.length ? f[body] : "");
            String category = c.known() ? c.category() : model.categories().get(0);
            out.write((id < f.length ? f[id] : "") + "\t" + category + "\t" + String.format(Locale.ROOT, "%.4f", c.confidence()) + "\n");
        }
        out.flush();
    }

    /** Cross-validates a variant of the settings, so a change to the defaults is measured before it is made. */
    private static void experiment(Path data, String split, CategoryTrainer.Settings settings, double selfTrain) throws IOException {
        List<LabelledPetition> examples = readLabelled(data);
        boolean keepTwins = !split.equals("leaky");
        long begin = System.nanoTime();
        CategoryTrainer trainer = new CategoryTrainer(settings);
        List<LabelledPetition> unlabelled = selfTrain <= 0 ? List.of() : readUnlabelled(data.resolveSibling("petitions-unlabelled.tsv"),
                data.resolveSibling("petitions-replied.tsv"));
        java.util.function.Function<List<LabelledPetition>, CategoryModel> training = selfTrain <= 0
                ? train -> trainer.train(train, CategoryTrainer.Progress.NONE)
                : train -> selfTrained(trainer, train, unlabelled, selfTrain);
        EvaluationReport report = CrossValidation.run(examples, CrossValidation.folds(examples, 5, keepTwins), 5, training,
                (stage, done, total) -> System.err.printf("  fold %d/%d done (%.0f s)%n", done, total, seconds(begin)));
        System.out.printf("split %s, %s, self-training %s: accuracy %.4f, macro-F1 %.4f (%.0f s)%n", keepTwins ? "twins kept together" : "leaky",
                settings, selfTrain <= 0 ? "off" : "at confidence " + selfTrain + " over " + unlabelled.size() + " unlabelled",
                report.accuracy(), report.macroF1(), seconds(begin));
    }

    /**
     * Cross-validates an average of several models' probabilities. Each member is {@code maxN:seed}: "3:1,4:1" averages
     * a 1–3-gram and a 1–4-gram model.
     */
    private static void ensemble(Path data, String split, String members) throws IOException {
        List<LabelledPetition> examples = readLabelled(data);
        int[] fold = CrossValidation.folds(examples, 5, !split.equals("leaky"));
        List<String> categories = new ArrayList<>(new java.util.TreeSet<>(examples.stream().map(LabelledPetition::category).toList()));
        EvaluationReport report = new EvaluationReport(categories);
        long begin = System.nanoTime();
        for (int f = 0; f < 5; f++) {
            List<LabelledPetition> train = new ArrayList<>();
            List<LabelledPetition> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            List<CategoryModel> models = new ArrayList<>();
            for (String member : members.split(",")) {
                String[] m = member.split(":");
                CategoryTrainer.Settings d = CategoryTrainer.Settings.defaults();
                models.add(new CategoryTrainer(new CategoryTrainer.Settings(d.minDocumentFrequency(), d.epochs(), d.learningRate(), d.l2(),
                        d.seed() + Long.parseLong(m[1]), Integer.parseInt(m[0]), d.classBalance())).train(train, CategoryTrainer.Progress.NONE));
            }
            for (LabelledPetition p : test) {
                double[] sum = new double[categories.size()];
                boolean any = false;
                for (CategoryModel model : models) {
                    double[] probabilities = model.probabilities(p.subject(), p.body());
                    if (probabilities == null) {
                        continue;
                    }
                    any = true;
                    for (int c = 0; c < probabilities.length; c++) {
                        sum[categories.indexOf(model.categories().get(c))] += probabilities[c];
                    }
                }
                int best = 0;
                for (int c = 1; c < sum.length; c++) {
                    if (sum[c] > sum[best]) {
                        best = c;
                    }
                }
                report.add(p.category(), any ? categories.get(best) : categories.get(0), any ? sum[best] / models.size() : 0);
            }
            System.err.printf("  fold %d/5 done (%.0f s)%n", f + 1, seconds(begin));
        }
        System.out.printf("ensemble %s, split %s: accuracy %.4f, macro-F1 %.4f (%.0f s)%n", members, split, report.accuracy(),
                report.macroF1(), seconds(begin));
    }

    /** Trains, labels the unlabelled petitions it is sure of, and trains again on both. */
    static CategoryModel selfTrained(CategoryTrainer trainer, List<LabelledPetition> labelled, List<LabelledPetition> unlabelled,
                                     double minConfidence) {
        CategoryModel first = trainer.train(labelled, CategoryTrainer.Progress.NONE);
        List<LabelledPetition> more = new ArrayList<>(labelled);
        for (LabelledPetition p : unlabelled) {
            Classification c = first.classify(p.subject(), p.body());
            if (c.known() && c.confidence() >= minConfidence) {
                more.add(new LabelledPetition(p.id(), p.subject(), p.body(), c.category()));
            }
        }
        System.err.printf("    self-training: %d of %d unlabelled petitions labelled at confidence >= %.2f%n",
                more.size() - labelled.size(), unlabelled.size(), minConfidence);
        return trainer.train(more, CategoryTrainer.Progress.NONE);
    }

    /** Petitions without labels ({@code subject} and {@code body} columns), from each file that exists. */
    static List<LabelledPetition> readUnlabelled(Path... files) throws IOException {
        List<LabelledPetition> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
            int subject = header.indexOf("subject"), body = header.indexOf("body");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (body < f.length && !f[body].isBlank()) {
                    out.add(new LabelledPetition(null, subject >= 0 && subject < f.length ? f[subject] : null, f[body], null));
                }
            }
        }
        return out;
    }

    private static void train(Path data, Path modelFile, Path reportFile, int folds) throws IOException {
        PrintStream log = System.err;
        List<LabelledPetition> examples = readLabelled(data);
        log.printf("training data: %d labelled petitions from %s%n", examples.size(), data);
        RatioWeightedSvmTrainer.Settings settings = RatioWeightedSvmTrainer.Settings.defaults();
        RatioWeightedSvmTrainer trainer = new RatioWeightedSvmTrainer(settings);
        long begin = System.nanoTime();
        EvaluationReport report = CrossValidation.run(examples, folds, trainer,
                (stage, done, total) -> log.printf("  cross-validation: fold %d/%d done (%.0f s)%n", done, total, seconds(begin)));
        log.printf("cross-validated accuracy %.4f, macro-F1 %.4f%n", report.accuracy(), report.macroF1());
        CategoryModel model = trainer.train(examples, (stage, done, total) ->
                log.printf("  final model: %s %d/%d (%.0f s)%n", stage, done, total, seconds(begin)));
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.write(out);
        }
        log.printf("model: %d features, %d bytes, written to %s%n", model.featureCount(), Files.size(modelFile), modelFile);
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, reportMarkdown(report, examples.size(), folds, settings, model, Files.size(modelFile)));
        log.printf("report written to %s in %.0f s%n", reportFile, seconds(begin));
        Path taxonomy = data.resolveSibling("taxonomy.tsv");
        if (Files.exists(taxonomy)) {
            subcategories(taxonomy, data, modelFile.resolveSibling("subcategories.tsv"), 0);
        }
    }

    /**
     * Writes the level-2 lexicon for the classifier's categories, then says how often it names a level 2 on the
     * labelled petitions (under their true level 1) and prints a seeded sample for a person to check: there are no
     * level-2 labels to score it against.
     */
    private static void subcategories(Path taxonomy, Path data, Path out, int sample) throws IOException {
        List<String[]> rows = Files.readAllLines(taxonomy).stream().skip(1).map(l -> l.split("\t", -1)).toList();
        java.util.Set<String> level1s = new java.util.LinkedHashSet<>(CategoryModel.bundled().categories());
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<LabelledPetition> examples = readLabelled(data);
        java.util.Map<String, List<String>> texts = new java.util.HashMap<>();
        examples.forEach(p -> texts.computeIfAbsent(p.category(), k -> new ArrayList<>()).add((p.subject() == null ? "" : p.subject()) + " " + p.body()));
        try (var writer = Files.newBufferedWriter(out)) {
            io.wenzheng.routing.classifier.SubcategoryLexicon.fromTaxonomy(rows).withoutGenericCues(texts, 0.3, 0.05).write(writer, level1s);
        }
        io.wenzheng.routing.classifier.SubcategoryLexicon lexicon;
        try (var in = Files.newInputStream(out)) {
            lexicon = io.wenzheng.routing.classifier.SubcategoryLexicon.read(in);
        }
        System.err.printf("level-2 lexicon: %d level-2 categories under %d level-1 ones, %d cues, written to %s%n", lexicon.size(),
                lexicon.categories().size(), lexicon.cueCount(), out);
        java.util.Map<String, int[]> named = new java.util.TreeMap<>();
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (LabelledPetition p : examples) {
            String text = (p.subject() == null ? "" : p.subject()) + " " + p.body();
            var level2 = lexicon.match(p.category(), text);
            int[] c = named.computeIfAbsent(p.category(), k -> new int[2]);
            c[1]++;
            if (level2.isPresent()) {
                c[0]++;
                counts.merge(p.category() + " / " + level2.get().name(), 1, Integer::sum);
                lines.add(p.category() + " / " + level2.get().name() + "  " + level2.get().matchedTerms() + "  "
                        + text.substring(0, Math.min(60, text.length())));
            }
        }
        System.out.println("| level 1 | petitions | with a level 2 | share |");
        System.out.println("|---|---:|---:|---:|");
        int all = 0, withLevel2 = 0;
        for (var e : named.entrySet()) {
            System.out.printf("| %s | %d | %d | %.1f%% |%n", e.getKey(), e.getValue()[1], e.getValue()[0], 100.0 * e.getValue()[0] / e.getValue()[1]);
            all += e.getValue()[1];
            withLevel2 += e.getValue()[0];
        }
        System.out.printf("| all | %d | %d | %.1f%% |%n%n", all, withLevel2, 100.0 * withLevel2 / all);
        System.out.println("most frequent: " + counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12).map(e -> e.getKey() + " " + e.getValue()).toList());
        java.util.Collections.shuffle(lines, new java.util.Random(7));
        lines.stream().limit(sample).forEach(l -> System.out.println("  " + l));
    }

    /**
     * The learning curve: train on half the data, then let the model learn online from the petitions an operator
     * would have corrected (the least confident first), and measure accuracy on a fifth it has never seen.
     */
    private static void curve(Path data, double rate) throws IOException {
        List<LabelledPetition> examples = readLabelled(data);
        int[] fold = CrossValidation.folds(examples, 10);
        List<LabelledPetition> base = new ArrayList<>();
        List<LabelledPetition> pool = new ArrayList<>();
        List<LabelledPetition> unseen = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (fold[i] < 5 ? base : fold[i] < 8 ? pool : unseen).add(examples.get(i));
        }
        System.err.printf("base %d, correction pool %d, unseen %d (twins kept together)%n", base.size(), pool.size(), unseen.size());
        RatioWeightedSvmTrainer trainer = new RatioWeightedSvmTrainer(RatioWeightedSvmTrainer.Settings.defaults());
        CategoryModel model = trainer.train(base, CategoryTrainer.Progress.NONE);
        List<LabelledPetition> queue = new ArrayList<>(pool);
        queue.sort(java.util.Comparator.comparingDouble(p -> model.classify(p.subject(), p.body()).confidence()));
        System.out.println("| corrections | online: accuracy | online: macro-F1 | retrained: accuracy | retrained: macro-F1 |");
        System.out.println("|---|---|---|---|---|");
        int learned = 0;
        for (int target : new int[] {0, 100, 500}) {
            while (learned < target && learned < queue.size()) {
                LabelledPetition p = queue.get(learned++);
                model.learn(p.subject(), p.body(), p.category(), rate);
            }
            EvaluationReport online = evaluate(model, unseen);
            List<LabelledPetition> retrainSet = new ArrayList<>(base);
            retrainSet.addAll(queue.subList(0, learned));
            EvaluationReport retrained = evaluate(
                    trainer.train(retrainSet, CategoryTrainer.Progress.NONE), unseen);
            System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %.4f | %.4f |%n", learned, online.accuracy(), online.macroF1(),
                    retrained.accuracy(), retrained.macroF1());
        }
    }

    private static EvaluationReport evaluate(CategoryModel model, List<LabelledPetition> unseen) {
        EvaluationReport report = new EvaluationReport(model.categories());
        for (LabelledPetition p : unseen) {
            Classification c = model.classify(p.subject(), p.body());
            report.add(p.category(), c.known() ? c.category() : "", c.confidence());
        }
        return report;
    }

    private static void bench(Path data, String modelPath) throws IOException {
        long heapBefore = usedHeapAfterGc();
        long loadBegin = System.nanoTime();
        CategoryModel model = loadModel(modelPath);
        double loadMs = (System.nanoTime() - loadBegin) / 1e6;
        double modelMegabytes = (usedHeapAfterGc() - heapBefore) / 1e6;
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int subject = header.indexOf("subject");
        int body = header.indexOf("body");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.add(new String[] {subject >= 0 ? f[subject] : "", f[body]});
        }
        for (int warm = 0; warm < 2; warm++) {
            rows.forEach(r -> model.classify(r[0], r[1]));
        }
        long[] nanos = new long[rows.size()];
        long begin = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
            long t = System.nanoTime();
            model.classify(rows.get(i)[0], rows.get(i)[1]);
            nanos[i] = System.nanoTime() - t;
        }
        double total = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "model load        %.0f ms (%d features)%n", loadMs, model.featureCount());
        System.out.printf(Locale.ROOT, "model heap        %.1f MB live after a full collection%n", modelMegabytes);
        System.out.printf(Locale.ROOT, "messages          %d from %s%n", rows.size(), data);
        System.out.printf(Locale.ROOT, "throughput        %.0f messages/s on one thread%n", rows.size() / total);
        System.out.printf(Locale.ROOT, "latency p50       %.3f ms%n", nanos[nanos.length / 2] / 1e6);
        System.out.printf(Locale.ROOT, "latency p99       %.3f ms%n", nanos[(int) (nanos.length * 0.99)] / 1e6);
        System.out.printf(Locale.ROOT, "latency max       %.3f ms%n", nanos[nanos.length - 1] / 1e6);
    }

    /** Heap in use after a full collection, as near as a JVM lets one ask: what is live, give or take a few kilobytes. */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static List<LabelledPetition> readLabelled(Path data) throws IOException {
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int id = header.indexOf("id");
        int subject = header.indexOf("subject");
        int body = header.indexOf("body");
        int category = header.indexOf("category");
        if (body < 0 || category < 0) {
            throw new IllegalArgumentException(data + " needs the columns body and category");
        }
        List<LabelledPetition> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > Math.max(body, category) && !f[category].isBlank()) {
                out.add(new LabelledPetition(id >= 0 ? f[id] : "", subject >= 0 ? f[subject] : "", f[body], f[category].trim()));
            }
        }
        return out;
    }

    private static CategoryModel loadModel(String path) throws IOException {
        if (path == null) {
            return CategoryModel.bundled();
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return CategoryModel.read(in);
        }
    }

    private static String reportMarkdown(EvaluationReport report, int size, int folds, RatioWeightedSvmTrainer.Settings s,
                                         CategoryModel model, long bytes) {
        return "# The category classifier\n\n"
                + "One linear SVM per category (against the rest) over TF-IDF character 1- to 3-grams of the subject and body\n"
                + "(subject n-grams also count separately, and weigh more). Each SVM sees the features scaled by how well they\n"
                + "tell its category from the others (the naive Bayes log-count ratio, as in NB-SVM), and that scaling is folded\n"
                + "into its weights, so the model is one linear layer: as small and fast as a logistic regression. A temperature,\n"
                + "fitted on scores of petitions the SVMs did not see, turns margins into the confidences triage uses. Plain Java,\n"
                + "no word segmenter: the same features work for texts that kept their spaces, lost them, or survived only\n"
                + "segmented. How it was chosen, and what did not help: [classifier-experiments.md](classifier-experiments.md).\n\n"
                + "## Reproduce\n\n```bash\n./wenzheng train      # reads ../shared/data/petitions-labelled.tsv, shows progress\n```\n\n"
                + "It cross-validates, trains the final model on all the data, writes\n"
                + "`routing-service/src/main/resources/model/category-model.bin.gz` (committed, so the suite works out of the box)\n"
                + "and rewrites this page. Training is deterministic for a given seed.\n\n"
                + "Settings: " + s.describe() + ".\n"
                + String.format(Locale.ROOT, "Model: %d features, %d bytes (weights quantised to 8 bits), temperature %.3f. Trained %s.%n%n",
                model.featureCount(), bytes, model.temperature(), LocalDate.now())
                + String.format(Locale.ROOT, "## Cross-validation%n%nStratified %d-fold over %d labelled petitions. Near-duplicate twins "
                + "(same normalised subject, or same first 40 characters of normalised body) stay in one fold, so a twin never "
                + "scores its sibling. The published figures for this data (0.90 macro-F1 for TF-IDF + linear SVM) were measured on "
                + "a random 70/30 split, which lets twins leak across the split.%n%n", folds, size)
                + report.markdown()
                + "\nWhat operator corrections are worth: [classifier-learning.md](classifier-learning.md).\n"
                + "\n## Use\n\n```bash\nprintf 'id\\tsubject\\tbody\\n1\\t拖欠工资\\t公司三个月没发工资\\n' | ./wenzheng classify\n"
                + "./wenzheng classify-bench   # model load time, latency and throughput\n```\n";
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }
}
